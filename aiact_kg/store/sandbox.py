"""Take network access away from the current process (Linux seccomp), as a second line of defence.

Queries are checked for remote access before they run (:mod:`aiact_kg.store.remote`); the query
worker also calls :func:`deny_network` before it opens the store, so that even a query the check
missed cannot open an internet socket: ``socket(AF_INET | AF_INET6, ...)`` fails with ``EACCES``,
and so does ``io_uring_setup`` (which could open sockets without that call). Unix sockets and
pipes keep working. The filter is inherited by every thread and child created afterwards and
cannot be removed. On platforms without seccomp (or an architecture not listed here) nothing is
installed and :func:`deny_network` returns False; the static check still applies there.
"""

from __future__ import annotations

import ctypes
import platform
import socket
import struct
import sys

_PR_SET_NO_NEW_PRIVS = 38
_PR_SET_SECCOMP = 22
_SECCOMP_MODE_FILTER = 2
_RET_ALLOW = 0x7FFF0000
_RET_EACCES = 0x00050000 | 13
_LD_W_ABS = 0x20
_JEQ_K = 0x15
_JGE_K = 0x35
_RET_K = 0x06
_X32_SYSCALL_BIT = 0x40000000
_IO_URING_SETUP = 425  # the same number on x86_64 and aarch64

# machine -> (AUDIT_ARCH_*, number of the socket system call)
_ARCHITECTURES = {
    "x86_64": (0xC000003E, 41),
    "amd64": (0xC000003E, 41),
    "aarch64": (0xC00000B7, 198),
    "arm64": (0xC00000B7, 198),
}


class _SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_char_p)]


def _program(arch: int, socket_nr: int) -> list[tuple[int, int, int, int]]:
    """The BPF program: (code, jump if true, jump if false, k), jumps relative to the next."""
    allow, deny = 10, 9  # indexes of the two return instructions
    program = [
        (_LD_W_ABS, 0, 0, 4),  # 0: seccomp_data.arch
        (_JEQ_K, 0, 0, arch),  # 1: another ABI (e.g. int 0x80) -> deny
        (_LD_W_ABS, 0, 0, 0),  # 2: seccomp_data.nr
        (_JGE_K, 0, 0, _X32_SYSCALL_BIT),  # 3: x32 system calls -> deny
        (_JEQ_K, 0, 0, _IO_URING_SETUP),  # 4
        (_JEQ_K, 0, 0, socket_nr),  # 5: socket(domain, ...)
        (_LD_W_ABS, 0, 0, 16),  # 6: domain, low 32 bits of args[0]
        (_JEQ_K, 0, 0, socket.AF_INET),  # 7
        (_JEQ_K, 0, 0, socket.AF_INET6),  # 8
        (_RET_K, 0, 0, _RET_EACCES),  # 9
        (_RET_K, 0, 0, _RET_ALLOW),  # 10
    ]
    targets = {
        1: (2, deny),
        3: (deny, 4),
        4: (deny, 5),
        5: (6, allow),
        7: (deny, 8),
        8: (deny, allow),
    }
    for index, (if_true, if_false) in targets.items():
        code, _, _, k = program[index]
        program[index] = (code, if_true - index - 1, if_false - index - 1, k)
    return program


def deny_network() -> bool:
    """Forbid internet sockets in this process from now on; False if the platform cannot."""
    architecture = _ARCHITECTURES.get(platform.machine().lower())
    if not sys.platform.startswith("linux") or architecture is None:
        return False
    libc = ctypes.CDLL(None, use_errno=True)  # the C library the interpreter is linked with
    code = b"".join(struct.pack("=HBBI", *line) for line in _program(*architecture))
    buffer = ctypes.create_string_buffer(code, len(code))
    program = _SockFprog(len(code) // 8, ctypes.cast(buffer, ctypes.c_char_p))
    if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        return False
    return bool(libc.prctl(_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER, ctypes.byref(program), 0, 0) == 0)
