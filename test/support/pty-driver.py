"""Runs a command on a pseudo-terminal, as a person at a terminal would.

argv[1] is JSON: {"cmd": [...], "env": {...}, "dialog": [[expect, send], ...]}.
Each `send` is typed (then Enter) once `expect` has appeared in the output.
Prints a JSON object: the exit status and everything the terminal showed.
Every wait is bounded (20 s), so a hung command ends the run.
"""
import json
import os
import pty
import select
import sys
import time

spec = json.loads(sys.argv[1])
pid, fd = pty.fork()
if pid == 0:
    env = dict(os.environ)
    env.update(spec.get("env", {}))
    os.execvpe(spec["cmd"][0], spec["cmd"], env)

seen = b""


def read_for(seconds):
    global seen
    end = time.time() + seconds
    while time.time() < end:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            return False
        if not chunk:
            return False
        seen += chunk
        yield


for expect, send in spec["dialog"]:
    want = expect.encode("utf-8")
    for _ in read_for(20):
        if want in seen:
            break
    os.write(fd, send.encode("utf-8") + b"\r")

for _ in read_for(20):
    pass
_, status = os.waitpid(pid, 0)
print(json.dumps({"status": os.waitstatus_to_exitcode(status), "output": seen.decode("utf-8", "replace")}))
