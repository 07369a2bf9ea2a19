"""The site under gunicorn on 127.0.0.1, as production runs it, stopped whatever happens."""

import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
HEALTH_PATH = "/healthz/"
CONFIG = BASE_DIR / "gunicorn.conf.py"  # the project's settings and hooks
READY_SECONDS = 180  # for gunicorn to answer and every worker to build its index
NO_HOOK_SECONDS = 20  # after the first worker boots, without a word of the index: no hook
STOP_SECONDS = 30
# gunicorn.conf.py's post_worker_init logs, per worker, when its in-memory index is built:
# "[date] [pid] [INFO] newsroom index ready in 6.41 s (901234 items)".
INDEX_TEXT = "newsroom index"
READY_LINE = re.compile(r"newsroom index ready in ([0-9.]+) ?s\b(?:\D*([0-9][0-9,]*) items)?")
PID = re.compile(r"^\[[^]]*\] \[(\d+)\]")
BOOT_TEXT = "Booting worker with pid"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def rss_mb(pid):
    """Resident memory of a process in MB, from /proc/<pid>/status; None once it is gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    return None


def children(pid):
    """Process ids whose parent is `pid`."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # "pid (command) state ppid ...": the command may hold spaces and parentheses.
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.append(int(entry.name))
    return sorted(found)


def index_ready(line):
    """{"pid", "seconds", "items"} from a worker's "newsroom index ready in" line, else None."""
    found = READY_LINE.search(line)
    if found is None:
        return None
    pid = PID.search(line)
    return {
        "pid": int(pid[1]) if pid else None,
        "seconds": float(found[1]),
        "items": int(found[2].replace(",", "")) if found[2] else None,
    }


class LogReader:
    """The whole lines a growing log has gained since the last call."""

    def __init__(self, stream):
        self.stream = stream
        self.partial = ""

    def lines(self):
        text = self.partial + self.stream.read()
        *lines, self.partial = text.split("\n")
        return lines


def wait_until_ready(
    log, workers, answers, alive, clock=time.monotonic, sleep=time.sleep,
    timeout=READY_SECONDS, no_hook=NO_HOOK_SECONDS,
):  # fmt: skip
    """Wait until gunicorn answers (`answers()`) and each of its `workers` has logged its
    index ready in `log` (a text stream at the server's start). Without the hook (no line
    with "newsroom index" `no_hook` seconds after the first worker booted), as soon as it
    answers. Raises TimeoutError after `timeout` seconds, RuntimeError when `alive()` is
    false. Returns the workers' ready lines with the seconds since the start, and whether
    the hook was found."""
    reader, started = LogReader(log), clock()
    ready, booted, hook, answered = [], None, False, False
    while True:
        now = clock()
        if not alive():
            raise RuntimeError("gunicorn exited")
        for line in reader.lines():
            if booted is None and BOOT_TEXT in line:
                booted = now
            if INDEX_TEXT in line:
                hook = True
            worker = index_ready(line)
            if worker is not None:
                ready.append({**worker, "after_start_s": round(now - started, 2)})
        answered = answered or answers()
        silent = not hook and now - (booted if booted is not None else started) >= no_hook
        if answered and (len(ready) >= workers or silent):
            return {
                "hook": hook,
                "workers": ready,
                "waited_s": round(clock() - started, 2),
            }
        if now - started >= timeout:
            raise TimeoutError(
                f"after {timeout} s: answering {answered}, "
                f"{len(ready)} of {workers} workers' index ready"
            )
        sleep(0.2)


class Gunicorn:
    """`with Gunicorn(env, log) as server:` serves osce_cms.wsgi on server.port."""

    def __init__(self, env, log_path, workers=2, timeout=120):
        self.env = env
        self.log_path = log_path
        self.workers = workers
        self.timeout = timeout
        self.port = free_port()
        self.process = None
        self.log_start = 0
        self.ready = None  # wait_until_ready()'s record
        self.rss_ready_mb = []

    def command(self):
        return [
            sys.executable, "-m", "gunicorn", "osce_cms.wsgi:application",
            "--bind", f"127.0.0.1:{self.port}",
            "--workers", str(self.workers),
            "--timeout", str(self.timeout),
            # info: the workers' boots and their index lines, which the start waits for
            "--log-level", "info",
            "--error-logfile", "-",
            *(["--config", str(CONFIG)] if CONFIG.exists() else []),
        ]  # fmt: skip

    def __enter__(self):
        self.log_start = self.log_path.stat().st_size if self.log_path.exists() else 0
        with open(self.log_path, "ab") as log:
            self.process = subprocess.Popen(
                self.command(),
                cwd=BASE_DIR,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # Ctrl-C reaches us; we stop it in __exit__
            )
        try:
            self.wait_until_ready()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc_info):
        self.stop()

    def wait_until_ready(self):
        with self.open_log() as log:
            try:
                self.ready = wait_until_ready(
                    log, self.workers, self.answers, lambda: self.process.poll() is None
                )
            except (RuntimeError, TimeoutError) as problem:
                raise RuntimeError(f"gunicorn not ready: {problem}\n{self.log_tail()}") from None
        self.rss_ready_mb = self.worker_rss_mb()

    def open_log(self):
        log = open(self.log_path, encoding="utf-8", errors="replace")
        log.seek(self.log_start)
        return log

    def answers(self):
        """Whether /healthz/ answers 200 and every worker has been started."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
        try:
            connection.request("GET", HEALTH_PATH)
            ok = connection.getresponse().status == 200
        except OSError:
            return False
        finally:
            connection.close()
        return ok and len(self.worker_pids()) == self.workers

    def index_builds(self):
        """Every "index ready" line so far: more than the workers when some were replaced
        (max_requests) and built their index again during the run."""
        with self.open_log() as log:
            return [worker for worker in map(index_ready, log) if worker is not None]

    def worker_pids(self):
        return children(self.process.pid)

    def worker_rss_mb(self):
        return [rss for rss in map(rss_mb, self.worker_pids()) if rss is not None]

    def stop(self):
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)  # graceful: workers finish, then exit
        try:
            self.process.wait(STOP_SECONDS)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)  # its own session: only gunicorn
            self.process.wait()

    def log_tail(self, lines=30):
        try:
            return "\n".join(Path(self.log_path).read_text().splitlines()[-lines:])
        except OSError:
            return ""
