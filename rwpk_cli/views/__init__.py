"""Views: questions asked of a validated log, answered as new values.

``filters`` selects events; ``rows`` shows them with every participant's title at the time;
``summaries`` counts each actor's events; ``analysis`` builds actor cards, the network, trade flows
and activity; ``lint`` finds warnings. Nothing here changes the log, reads a file or prints.
"""
