#!/usr/bin/env python3
"""drive: does to the real kiosk's window what a replay did to its model.

    drive.py TRACE HAVEYOURSAY DATA XSHOT IMGDIFF OUT_DIR [TIMEOUT_S]

TRACE is what `haveyoursay --replay SCRIPT --trace TRACE` wrote: one line
per input, stick, PIN and screenshot, each with the replay's virtual time
in ms. The real program runs on the X display in $DISPLAY; this sends the
same input with xdotool (a tap is mouse down, a pause, mouse up, as a
finger lifts), keeping the replay's spacing in time from the last input
sent (the kiosk's timers count from the last input), and at each `shot`
takes the root window's pixels with no further input until they match the
replay's screenshot, or TIMEOUT_S passes. On a mismatch it names the
step, and keeps both pictures and their difference in OUT_DIR.

Sticks: `stick-in PATH` mounts a tmpfs (made ready with its HAVEYOURSAY
folder first, then moved into place, as an automounter does) at
DATA/../media/NAME, NAME being PATH's last part; `stick-out` unmounts it.
Exit 0 when every shot matched; 1 with the step that failed.
"""
import os
import shutil
import subprocess
import sys
import time

# SDL key names (what replays use) that X names differently
X_KEYS = {
    "Space": "space",
    "Backspace": "BackSpace",
    "Return": "Return",
    "Escape": "Escape",
    "Tab": "Tab",
}

TAP_HOLD_S = 0.06  # a finger resting on the glass before it lifts


# the number pad's keys that are not digits
X_KEYPAD = {"*": "KP_Multiply", "+": "KP_Add", "-": "KP_Subtract", ".": "KP_Decimal",
            "/": "KP_Divide", "Enter": "KP_Enter"}


def x_key(name):
    if name.startswith("Keypad "):
        rest = name[len("Keypad "):]
        return X_KEYPAD.get(rest, "KP_" + rest)
    if name.startswith("Joystick "):
        raise SystemExit(f"real: a switch ({name}) cannot be sent to an X display here")
    return X_KEYS.get(name, name)


def run(*args, **kw):
    subprocess.run(args, check=True, **kw)


def main():
    if len(sys.argv) < 7:
        print(__doc__, file=sys.stderr)
        return 2
    trace, exe, data, xshot, imgdiff, out = sys.argv[1:7]
    timeout = float(sys.argv[7]) if len(sys.argv) > 7 else 5.0
    media = os.path.join(os.path.dirname(os.path.abspath(data)), "media")
    staging = os.path.join(os.path.dirname(os.path.abspath(data)), "stick-staging")
    os.makedirs(out, exist_ok=True)
    anchor_real, anchor_virtual = time.monotonic(), 0
    shots = 0

    def at(virtual_ms):
        """Wait until the replay's moment, counted from the last input."""
        due = anchor_real + (virtual_ms - anchor_virtual) / 1000.0
        delay = due - time.monotonic()
        if delay > 0:
            time.sleep(delay)

    def sent(virtual_ms):
        nonlocal anchor_real, anchor_virtual
        anchor_real, anchor_virtual = time.monotonic(), virtual_ms

    with open(trace, encoding="utf-8") as f:
        steps = [line.rstrip("\n").split(" ", 2) for line in f if line.strip()]
    for n, step in enumerate(steps, 1):
        t, what = int(step[0]), step[1]
        arg = step[2] if len(step) > 2 else ""
        at(t)
        if what == "press":
            x, y = arg.split()
            run("xdotool", "mousemove", x, y, "mousedown", "1")
            sent(t)
        elif what == "release":
            x, y = arg.split()
            time.sleep(TAP_HOLD_S)
            run("xdotool", "mousemove", x, y, "mouseup", "1")
            sent(t)
        elif what == "key":
            run("xdotool", "key", x_key(arg))
            sent(t)
        elif what == "text":
            run("xdotool", "type", "--delay", "30", arg)
            sent(t)
        elif what == "staff-pin":
            run(exe, "set-pin", "--data", data, input=arg + "\n", text=True,
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        elif what == "stick-in":
            where = os.path.join(media, os.path.basename(arg))
            if os.path.ismount(where):
                continue  # (the replay told the kiosk again what is on it)
            os.makedirs(where, exist_ok=True)
            os.makedirs(staging, exist_ok=True)
            run("mount", "-t", "tmpfs", "-o", "size=64m", "hys-stick", staging)
            os.makedirs(os.path.join(staging, "HAVEYOURSAY"))
            # staff enrolled it on this kiosk (as the replay's usb-insert does)
            run(exe, "enrol-stick", staging, "--data", data,
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            run("mount", "--move", staging, where)
            sent(t)
        elif what == "stick-out":
            run("umount", os.path.join(media, os.path.basename(arg)))
            sent(t)
        elif what == "shot":
            want, line = arg.rsplit(" ", 1)
            shots += 1
            name = os.path.basename(want)
            got = os.path.join(out, "real-" + name)
            diff = os.path.join(out, "diff-" + name)
            deadline = time.monotonic() + timeout
            while True:
                run(xshot, got)
                same = subprocess.run([imgdiff, want, got, diff, "0"],
                                      stdout=subprocess.DEVNULL,
                                      stderr=subprocess.DEVNULL).returncode == 0
                if same or time.monotonic() > deadline:
                    break
                time.sleep(0.02)
            if not same:
                shutil.copy(want, os.path.join(out, "replay-" + name))
                print(f"real: step {n} (script line {line}): the window does not show "
                      f"{name} within {timeout:g} s of the last input; kept "
                      f"{out}/real-{name}, replay-{name} and diff-{name}")
                return 1
            os.remove(got)
            if os.path.exists(diff):
                os.remove(diff)
        else:
            print(f"real: step {n}: unknown step {what}")
            return 1
    print(f"real: {len(steps)} steps, {shots} screenshots, every one on the real window")
    return 0


if __name__ == "__main__":
    sys.exit(main())
