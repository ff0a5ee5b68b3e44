# deps.sh: the Debian 12 packages the kiosk needs, and a function that
# installs the missing ones (apt-get update first). Sourced by kiosk/run and
# tests/run; the README lists the same packages.
HYS_BUILD_PACKAGES="cmake make gcc pkg-config libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev \
libespeak-ng-dev espeak-ng-data libsqlite3-dev libzip-dev libexpat1-dev libsodium-dev libssl-dev \
libfribidi-dev libxlsxwriter-dev"
HYS_TEST_PACKAGES="sqlite3 gettext clang-format dosfstools fuse fusefat python3 dpkg-dev \
xvfb xdotool libxtst-dev python3-openpyxl"
HYS_BENCH_PACKAGES="xvfb valgrind libxtst-dev libxext-dev chromium"

hys_install() {
    missing=""
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
            missing="$missing $p"
    done
    [ -z "$missing" ] && return 0
    if [ "$(id -u)" != 0 ]; then
        echo "missing Debian packages:$missing"
        echo "install them with: sudo apt-get update && sudo apt-get install -y$missing"
        exit 1
    fi
    echo "installing:$missing"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
}
