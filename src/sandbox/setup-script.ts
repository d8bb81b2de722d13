// The script that builds the sandbox from inside its new namespaces, then starts the
// test command. It runs as the namespace's PID 1 with its capabilities (root, or root
// of a user namespace), so every step below happens before any drafted code runs:
//   /dev      a minimal one (null, zero, full, random, urandom, tty, its own pts, shm),
//             so no disk or kernel device is reachable, even as root;
//   hide      tmpfs over each directory, /dev/null over each file, that holds a
//             credential or a runner command file (RUNNER_TEMP, GITHUB_ENV's folder, ...);
//   /tmp      a fresh tmpfs (the test's TMPDIR); the workspace stays where it is;
//   read-only every other mount but the workspace, /tmp, /proc and /dev;
//   /proc     already new (unshare --mount-proc); its kernel knobs made read-only;
//   network   only loopback, brought up;
// then the test runs as `bash -c` with no capabilities, no way to gain any
// (no_new_privs, empty bounding set), and the scrubbed environment. This script stays
// PID 1: when that bash exits it exits too, and the kernel ends everything left in the
// namespace (`setsid` escapees included). A line or EOF on its stdin (the action's
// lifeline) ends the test at once.
//
// Arguments are key=value words (no parsing of quoted strings): ws=, stage=, uid=, gid=, cmd=,
// and repeated hide=, env=.

export const READY_LINE = 'draft-review-sandbox: ready'
/** Exit code of a sandbox that could not be built (not the test's own). */
export const SETUP_FAILED = 125

export const SETUP_SCRIPT = String.raw`
set -u
PATH=/usr/sbin:/usr/bin:/sbin:/bin
fail() { printf 'draft-review-sandbox: %s\n' "$*" >&2; exit ${SETUP_FAILED}; }
M() { mount -n "$@" 2>/dev/null || fail "mount $* failed: $(mount -n "$@" 2>&1)"; }
ws= stage= uid= gid= cmd=
hide=() envs=()
for a in "$@"; do
  case $a in
    ws=*) ws=${'$'}{a#ws=} ;;
    stage=*) stage=${'$'}{a#stage=} ;;
    uid=*) uid=${'$'}{a#uid=} ;;
    gid=*) gid=${'$'}{a#gid=} ;;
    cmd=*) cmd=${'$'}{a#cmd=} ;;
    hide=*) hide+=("${'$'}{a#hide=}") ;;
    env=*) envs+=("${'$'}{a#env=}") ;;
    *) fail "unknown argument" ;;
  esac
done
[ -n "$ws" ] && [ -d "$ws" ] || fail "no workspace"
[ -n "$stage" ] && [ -d "$stage" ] || fail "no stage"
under() { case $1/ in "$2"/*) return 0 ;; esac; return 1; }

# A fresh /dev, built in a tmpfs on the stage (an empty folder the action made) and
# filled by bind mounts (no mknod, so this also works in a user namespace), then moved.
d=$stage
M -t tmpfs -o mode=0755,size=1m,nosuid,nodev,noexec dev "$d"
for n in null zero full random urandom tty; do
  : > "$d/$n" && M --bind "/dev/$n" "$d/$n"
done
mkdir "$d/pts" "$d/shm"
M -t devpts -o newinstance,ptmxmode=0666,mode=0620 devpts "$d/pts"
M -t tmpfs -o mode=1777,nosuid,nodev shm "$d/shm"
ln -s pts/ptmx "$d/ptmx"; ln -s /proc/self/fd "$d/fd"
ln -s /proc/self/fd/0 "$d/stdin"; ln -s /proc/self/fd/1 "$d/stdout"; ln -s /proc/self/fd/2 "$d/stderr"
M --move "$d" /dev

# The workspace becomes a mount of its own: it stays writable, and it survives a
# tmpfs put over one of its parents (/tmp when the workspace is under /tmp).
M --bind "$ws" "$ws"
hold=/dev/.draft-review-ws
cover() { # $1: a directory to replace by an empty tmpfs
  local d=$1 mode=${'$'}{2:-0755}
  if under "$ws" "$d"; then
    mkdir "$hold" && M --move "$ws" "$hold"
    M -t tmpfs -o "mode=$mode,nosuid,nodev" hidden "$d"
    mkdir -p "$ws" && M --move "$hold" "$ws" && rmdir "$hold"
  else
    M -t tmpfs -o "mode=$mode,size=1m,nosuid,nodev,noexec" hidden "$d"
  fi
}
for h in "${'$'}{hide[@]}"; do
  if [ -d "$h" ]; then cover "$h"
  elif [ -e "$h" ]; then M --bind /dev/null "$h"
  fi
done
cover /run
cover /tmp 1777

# Everything else read-only: a test running as root must not change the machine
# (binaries, the runner, other steps' tools). Mount points are octal-escaped in mountinfo.
skip() {
  case $1 in /proc | /proc/* | /dev | /dev/* | /tmp | /tmp/*) return 0 ;; esac
  [ "$1" = "$ws" ] || under "$1" "$ws" && return 0
  for h in "${'$'}{hide[@]}"; do [ "$1" = "$h" ] || under "$1" "$h" && return 0; done
  return 1
}
mps=()
while read -r _ _ _ _ mp opts _; do
  case $mp in *\\*) mp=$(printf '%b' "${'$'}{mp//\\/\\0}") ;; esac
  case $opts in ro | ro,*) continue ;; esac
  skip "$mp" && continue
  keep=
  for o in ${'$'}{opts//,/ }; do
    case $o in nosuid | nodev | noexec | noatime | nodiratime | relatime | strictatime) keep+=",$o" ;; esac
  done
  mps+=("$mp$keep")
done < /proc/self/mountinfo
for m in "${'$'}{mps[@]}"; do
  mp=${'$'}{m%%,*}; [ "$mp" = "$m" ] && keep= || keep=,${'$'}{m#*,}
  mount -n -o "remount,bind,ro$keep" "$mp" 2>/dev/null ||
    { [ -e "$mp" ] && fail "could not make $mp read-only: $(mount -n -o "remount,bind,ro$keep" "$mp" 2>&1)"; }
done
for p in /proc/sys /proc/sysrq-trigger /proc/irq /proc/bus /proc/fs; do
  # One call: mount binds, then remounts with the flags.
  [ -e "$p" ] && M -o bind,ro,nosuid,nodev,noexec "$p" "$p"
done

# Loopback only, up, so tests that start local servers work.
ip link set lo up 2>/dev/null || ifconfig lo up 2>/dev/null ||
  printf 'draft-review-sandbox: warning: loopback is down (no ip or ifconfig)\n' >&2

drop=(--no-new-privs --inh-caps=-all --ambient-caps=-all --bounding-set=-all)
if [ -n "$uid" ] && [ "$uid" != "$(id -u)" ]; then drop+=(--reuid="$uid" --regid="$gid" --clear-groups); fi
cd "$ws" || fail "cannot enter the workspace"
printf '%s\n' '${READY_LINE}'
exec 3<&0
env -i "${'$'}{envs[@]}" TMPDIR=/tmp RUNNER_TEMP=/tmp setpriv "${'$'}{drop[@]}" -- /bin/bash -c "$cmd" </dev/null 3<&- &
test_pid=$!
{ read -r _ <&3; kill -KILL "$test_pid" 2>/dev/null; } &
wait "$test_pid"
`
