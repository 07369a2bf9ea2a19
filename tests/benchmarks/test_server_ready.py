"""The server's start waits until every worker has logged its index ready, or until it is
clear the checkout's gunicorn.conf.py has no such hook."""

import pytest

from benchmarks import server

BOOT = "[2026-12-07 10:00:00 +0000] [{pid}] [INFO] Booting worker with pid: {pid}\n"
READY = "[2026-12-07 10:00:06 +0000] [{pid}] [INFO] newsroom index ready in {s} s ({n} items)\n"


class FakeLog:
    """gunicorn's log as it grows: `script` maps a time in seconds to the text written then.
    The fake clock moves only when the wait sleeps."""

    def __init__(self, script):
        self.script = dict(script)
        self.now = 0.0
        self.written = ""
        self.position = 0

    def clock(self):
        return self.now

    def sleep(self, seconds):
        self.now = round(self.now + seconds, 3)

    def read(self):
        for at in sorted(self.script):
            if at <= self.now:
                self.written += self.script.pop(at)
        text, self.position = self.written[self.position :], len(self.written)
        return text

    def wait(self, workers=2, answers=lambda: True, alive=lambda: True, **limits):
        return server.wait_until_ready(
            self, workers, answers, alive, clock=self.clock, sleep=self.sleep, **limits
        )


def test_a_ready_line_gives_the_worker_its_seconds_and_items():
    assert server.index_ready(READY.format(pid=41, s="6.41", n="901234")) == {
        "pid": 41,
        "seconds": 6.41,
        "items": 901234,
    }
    assert server.index_ready("newsroom index ready in 0.5 s") == {
        "pid": None,
        "seconds": 0.5,
        "items": None,
    }
    assert server.index_ready(BOOT.format(pid=41)) is None


def test_the_start_waits_for_every_workers_index():
    log = FakeLog(
        {
            0.4: BOOT.format(pid=41) + BOOT.format(pid=42),
            6.0: READY.format(pid=41, s="5.9", n="1000"),
            # a line written in two pieces is read once whole
            7.0: READY.format(pid=42, s="6.8", n="1000")[:30],
            7.2: READY.format(pid=42, s="6.8", n="1000")[30:],
        }
    )
    ready = log.wait()
    assert ready["hook"] is True
    assert [(w["pid"], w["seconds"], w["after_start_s"]) for w in ready["workers"]] == [
        (41, 5.9, 6.0),
        (42, 6.8, 7.2),
    ]
    assert ready["waited_s"] == 7.2


def test_without_the_hook_the_start_carries_on_twenty_seconds_after_the_first_boot():
    log = FakeLog({1.0: BOOT.format(pid=41), 1.2: BOOT.format(pid=42)})
    ready = log.wait()
    assert (ready["hook"], ready["workers"], ready["waited_s"]) == (False, [], 21.0)


def test_an_index_being_built_is_waited_for_past_twenty_seconds():
    log = FakeLog(
        {
            0.4: BOOT.format(pid=41) + BOOT.format(pid=42),
            1.0: "[x] [41] [INFO] newsroom index: building\n",
            40.0: READY.format(pid=41, s="39", n="1") + READY.format(pid=42, s="39", n="1"),
        }
    )
    assert log.wait()["waited_s"] == 40.0


def test_the_start_waits_for_gunicorn_to_answer_too():
    log = FakeLog(
        {0.4: READY.format(pid=41, s="0.3", n="1") + READY.format(pid=42, s="0.3", n="1")}
    )
    assert log.wait(answers=lambda: log.now >= 3)["waited_s"] == 3.0


def test_too_few_workers_ready_in_time_is_an_error():
    log = FakeLog({0.4: BOOT.format(pid=41), 5.0: READY.format(pid=41, s="4.6", n="1")})
    with pytest.raises(TimeoutError, match="1 of 2 workers' index ready"):
        log.wait(timeout=60)
    assert log.now == 60.0


def test_gunicorn_exiting_stops_the_wait():
    log = FakeLog({})
    with pytest.raises(RuntimeError, match="exited"):
        log.wait(alive=lambda: log.now < 2)


def test_the_benchmarks_gunicorn_reads_the_projects_config_and_logs_at_info(tmp_path):
    command = server.Gunicorn({}, tmp_path / "gunicorn.log", workers=2).command()
    assert command[command.index("--config") + 1] == str(server.BASE_DIR / "gunicorn.conf.py")
    assert command[command.index("--log-level") + 1] == "info"
    assert command[command.index("--workers") + 1] == "2"
