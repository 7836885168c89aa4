#!/usr/bin/env bash
# The Debian package end to end, as root (CI runs it): build it with CPack from a configured
# build tree, install it with dpkg -i, consume it with find_package and with pkg-config from
# /usr (no prefix given), remove it with dpkg -r, and check that nothing of it is left.
#   tests/package/deb_roundtrip.sh [BUILD_DIR]     (default: build/test)
set -euo pipefail
cd "$(dirname "$0")/../.."
build="${1:-build/test}"
if [[ "$(id -u)" -ne 0 ]]; then
  echo "deb_roundtrip: needs root (dpkg -i / dpkg -r)" >&2
  exit 1
fi
if dpkg-query -W -f='${Status}' libtradeoff-dev 2>/dev/null | grep -q "install ok installed"; then
  echo "deb_roundtrip: libtradeoff-dev is already installed; remove it first (dpkg -r libtradeoff-dev)" >&2
  exit 1
fi
work="$(mktemp -d)"
trap 'dpkg -r libtradeoff-dev >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
version="$(sed -n 's/^ *VERSION \([0-9.]*\)$/\1/p' CMakeLists.txt | head -1)"

cmake -DBUILD="$build" -DOUT="$work/deb" -DEXPECTED_VERSION="$version" -P tests/package/check_deb.cmake
deb="$work/deb/libtradeoff-dev_${version}_all.deb"
dpkg -i "$deb"

# find_package from the system prefix, both programs, strict warnings.
generator=(); command -v ninja >/dev/null && generator=(-G Ninja)   # make may be absent
cmake -S tests/consumer/find_package -B "$work/find_package" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release \
  -DTRADEOFF_CONSUMER_DIR="$PWD/tests/consumer" -DTRADEOFF_EXPECTED_VERSION="$version" \
  -DTRADEOFF_EXPECTED_VERSION_MAJOR="${version%%.*}"
cmake --build "$work/find_package"
"$work/find_package/consumer"
"$work/find_package/strict_consumer"
"$work/find_package/json_consumer"

# pkg-config from the system prefix.
cmake -DPKG_CONFIG="$(command -v pkgconf || command -v pkg-config)" -DCXX=c++ -DPREFIX=/usr \
  -DBINARY="$work/pkg_config" -DSOURCE_DIR="$PWD/tests/consumer" -DEXPECTED_VERSION="$version" \
  -P tests/consumer/pkg_config.cmake

mapfile -t files < <(dpkg -L libtradeoff-dev | while read -r f; do [[ -f "$f" ]] && echo "$f"; done)
dpkg -r libtradeoff-dev
left=0
for f in "${files[@]}"; do
  if [[ -e "$f" ]]; then echo "deb_roundtrip: left behind after dpkg -r: $f" >&2; left=1; fi
done
[[ -e /usr/include/tradeoff ]] && { echo "deb_roundtrip: /usr/include/tradeoff left behind" >&2; left=1; }
[[ $left -eq 0 ]] || exit 1
echo "deb_roundtrip: ${#files[@]} files installed, consumed by find_package and pkg-config, removed cleanly"
