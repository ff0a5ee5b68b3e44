# sleeping.sh: sourced by the storage tests that kill the kiosk.
# until_sleeping LOG PID: wait (up to 20 s) for the replay running as PID to
# print "sleeping" into LOG (its sleep-real line: everything before it is
# saved). Returns 1, with PID killed, when it stopped or never got there.
until_sleeping() {
    _tries=0
    until grep -q '^sleeping$' "$1" 2>/dev/null; do
        _tries=$((_tries + 1))
        if [ $_tries -gt 1000 ] || ! kill -0 "$2" 2>/dev/null; then
            kill -9 "$2" 2>/dev/null
            return 1
        fi
        sleep 0.02
    done
}
