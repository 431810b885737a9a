"""A small seccomp filter, as raw classic BPF, handed to bubblewrap with ``--seccomp FD``.

Learner code needs none of these system calls, and each one is a way out of the
other layers: SysV shared memory and message queues outlive the process and
escape ``RLIMIT_AS``; ``io_uring`` bypasses syscall filtering; ``keyctl`` and
friends reach the kernel keyring; ``ptrace`` and ``process_vm_*`` read other
processes; ``mount``, ``unshare``, ``setns`` and new user namespaces rebuild the
filesystem view; ``bpf``, ``perf_event_open``, ``userfaultfd`` and module loading
are kernel attack surface. They fail with ``EPERM``; the rest is allowed.

The filter is written for x86-64, the architecture this product is deployed on;
elsewhere :func:`filter_program` returns ``None`` and the self-test reports that
seccomp is not enforced.
"""

from __future__ import annotations

import errno
import os
import platform
import struct

# Classic BPF opcodes.
_LD_W_ABS = 0x20
_JEQ_K = 0x15
_JGE_K = 0x35
_RET_K = 0x06

_SECCOMP_RET_ALLOW = 0x7FFF0000
_SECCOMP_RET_ERRNO = 0x00050000
_SECCOMP_RET_KILL_PROCESS = 0x80000000
_AUDIT_ARCH_X86_64 = 0xC000003E
_X32_SYSCALL_BIT = 0x40000000

#: Denied system calls and their x86-64 numbers.
DENIED_X86_64: dict[str, int] = {
    "shmget": 29,
    "shmat": 30,
    "shmctl": 31,
    "shmdt": 67,
    "semget": 64,
    "semop": 65,
    "semctl": 66,
    "semtimedop": 220,
    "msgget": 68,
    "msgsnd": 69,
    "msgrcv": 70,
    "msgctl": 71,
    "ptrace": 101,
    "process_vm_readv": 310,
    "process_vm_writev": 311,
    "mount": 165,
    "umount2": 166,
    "pivot_root": 155,
    "chroot": 161,
    "unshare": 272,
    "setns": 308,
    "add_key": 248,
    "request_key": 249,
    "keyctl": 250,
    "io_uring_setup": 425,
    "io_uring_enter": 426,
    "io_uring_register": 427,
    "bpf": 321,
    "perf_event_open": 298,
    "userfaultfd": 323,
    "init_module": 175,
    "finit_module": 313,
    "delete_module": 176,
    "kexec_load": 246,
    "kexec_file_load": 320,
    "open_by_handle_at": 304,
    "name_to_handle_at": 303,
    "open_tree": 428,
    "move_mount": 429,
    "fsopen": 430,
    "fsconfig": 431,
    "fsmount": 432,
    "fspick": 433,
    "mount_setattr": 442,
    "swapon": 167,
    "swapoff": 168,
    "reboot": 169,
    "acct": 163,
}


def _statement(code: int, jump_true: int, jump_false: int, value: int) -> bytes:
    return struct.pack("=HBBI", code, jump_true, jump_false, value)


def filter_program() -> bytes | None:
    """The compiled filter (an array of ``struct sock_filter``), or None off x86-64."""
    if platform.machine() not in ("x86_64", "AMD64"):
        return None
    denied = sorted(set(DENIED_X86_64.values()))
    deny = _SECCOMP_RET_ERRNO | errno.EPERM
    program = [
        _statement(_LD_W_ABS, 0, 0, 4),  # seccomp_data.arch
        _statement(_JEQ_K, 1, 0, _AUDIT_ARCH_X86_64),
        _statement(_RET_K, 0, 0, _SECCOMP_RET_KILL_PROCESS),
        _statement(_LD_W_ABS, 0, 0, 0),  # seccomp_data.nr
        _statement(_JGE_K, 0, 1, _X32_SYSCALL_BIT),  # x32 calls: a second numbering, deny all
        _statement(_RET_K, 0, 0, deny),
    ]
    for position, number in enumerate(denied):
        remaining = len(denied) - position - 1
        # Match: jump over the remaining tests and the ALLOW to the final DENY.
        program.append(_statement(_JEQ_K, remaining + 1, 0, number))
    program.append(_statement(_RET_K, 0, 0, _SECCOMP_RET_ALLOW))
    program.append(_statement(_RET_K, 0, 0, deny))
    return b"".join(program)


def program_fd(program: bytes) -> int:
    """A readable file descriptor holding the program, for ``bwrap --seccomp FD``."""
    fd = os.memfd_create("mlmath-seccomp", 0)
    os.write(fd, program)
    os.lseek(fd, 0, os.SEEK_SET)
    return fd
