"""A time and memory ceiling for one test case, set with resource limits in this process, not by timing.

``ceiling`` lowers the soft CPU-time limit to what the process has used plus the case's allowance,
turning the kernel's SIGXCPU into an exception, and caps the address space at its current size plus
the case's allowance, so an allocation past it raises MemoryError. Both are restored afterwards.
"""

from __future__ import annotations

import contextlib
import os
import resource
import signal
from collections.abc import Iterator
from types import FrameType


class CeilingExceeded(AssertionError):
    """A case used more CPU time or memory than its ceiling allows."""


def _address_space() -> int:
    with open("/proc/self/statm", encoding="ascii") as stream:
        return int(stream.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


@contextlib.contextmanager
def ceiling(cpu_seconds: int = 10, megabytes: int = 512) -> Iterator[None]:
    """Fail the case (CeilingExceeded) past ``cpu_seconds`` of CPU or ``megabytes`` more address space."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    used = usage.ru_utime + usage.ru_stime
    old_cpu = resource.getrlimit(resource.RLIMIT_CPU)
    old_memory = resource.getrlimit(resource.RLIMIT_AS)

    def over_time(signum: int, frame: FrameType | None) -> None:
        raise CeilingExceeded(f"the case used more than {cpu_seconds} s of CPU time")

    previous = signal.signal(signal.SIGXCPU, over_time)
    resource.setrlimit(resource.RLIMIT_CPU, (int(used) + cpu_seconds + 1, old_cpu[1]))
    resource.setrlimit(resource.RLIMIT_AS, (_address_space() + (megabytes << 20), old_memory[1]))
    try:
        yield
    except MemoryError:
        raise CeilingExceeded(f"the case needed more than {megabytes} MB of memory") from None
    finally:
        resource.setrlimit(resource.RLIMIT_AS, old_memory)
        resource.setrlimit(resource.RLIMIT_CPU, old_cpu)
        signal.signal(signal.SIGXCPU, previous)
