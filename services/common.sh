# Shared by the project's service scripts (sourced): messages, and installing Debian packages.
# The sourcing script sets SCRIPT_NAME first (the prefix of its messages).

say() { echo "$SCRIPT_NAME: $*" >&2; }
fail() { say "$*"; exit 1; }

apt_install() {
    # Installs Debian packages when running as root; otherwise says what to install.
    if [ "$(id -u)" -ne 0 ]; then
        fail "missing $*: install it with 'sudo apt-get install $*' and run again"
    fi
    say "installing $* from Debian's packages"
    if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null; then
        apt-get update -qq >/dev/null
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
    fi
}
