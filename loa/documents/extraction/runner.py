"""Run an extraction here or in a child process that a memory cap and a timeout keep in bounds."""
from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

from .result import STATUS_UNSUPPORTED, Extraction, ExtractionLimits, failed

READERS = {".pdf": "pdf", ".docx": "docx"}


def kind_of_file(name: str) -> str | None:
    """"pdf", "docx", or None for a file whose text is not read."""
    return READERS.get(Path(name).suffix.lower())


def extract_file(path: Path, limits: ExtractionLimits) -> Extraction:
    """Extract in this process (trusted files, tests); see extract_isolated() for uploads."""
    kind = kind_of_file(path.name)
    if kind is None:
        return Extraction(STATUS_UNSUPPORTED)
    try:
        size = path.stat().st_size
    except OSError:
        return failed("Không tìm thấy tệp trên máy chủ.")
    if size > limits.max_bytes:
        return failed(f"Tệp lớn hơn giới hạn đọc ({limits.max_bytes // (1024 * 1024)} MB).")
    if kind == "pdf":
        from .pdf import extract_pdf

        result = extract_pdf(path, limits)
    else:
        from .docx import extract_docx

        result = extract_docx(path, limits)
    result.peak_rss_kb = peak_rss_kb()
    return result


def peak_rss_kb() -> int:
    """This process's peak resident memory since it started (VmHWM: not inherited across fork/exec, unlike ru_maxrss)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def extract_isolated(path: Path, limits: ExtractionLimits) -> Extraction:
    """Extract in a child process limited to `limits.memory_mb` of address space and `limits.timeout` seconds.

    A file that needs more, hangs the parser or crashes it fails cleanly; the caller's
    process (the task worker) is never at risk.
    """
    if kind_of_file(path.name) is None:
        return Extraction(STATUS_UNSUPPORTED)
    command = [sys.executable, "-m", "loa.documents.extraction.child", str(path), json.dumps(limits.__dict__)]
    memory = limits.memory_mb * 1024 * 1024
    cpu = int(limits.timeout) + 1

    def confine() -> None:  # runs in the child before exec
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu))
        os.nice(5)

    env = {"PATH": os.environ.get("PATH", ""), "PYTHONPATH": os.pathsep.join(sys.path), "LANG": "C.UTF-8"}
    try:
        done = subprocess.run(command, capture_output=True, timeout=limits.timeout, preexec_fn=confine, env=env,
                              check=False)
    except subprocess.TimeoutExpired:
        return failed(f"Đọc tệp quá thời gian cho phép ({limits.timeout:.0f} giây).")
    if done.returncode != 0:
        if b"MemoryError" in done.stderr or done.returncode in (-9, 137):
            return failed(f"Đọc tệp cần quá nhiều bộ nhớ (giới hạn {limits.memory_mb} MB).")
        if done.returncode in (-24, 152):  # SIGXCPU
            return failed(f"Đọc tệp quá thời gian cho phép ({limits.timeout:.0f} giây).")
        last = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [f"mã thoát {done.returncode}"]
        return failed(f"Không đọc được tệp: {last[0][:300]}")
    try:
        return Extraction.from_json(json.loads(done.stdout))
    except (ValueError, KeyError, TypeError):
        return failed("Tiến trình đọc tệp trả về kết quả không hợp lệ.")
