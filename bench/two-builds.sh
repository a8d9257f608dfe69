# Sourced by compare-builds.sh and compare-queries.sh: builds one project of two commits, each in a worktree of its
# own, into "$work/out-A" and "$work/out-B"; the worktrees and builds go when the calling script exits.
# Usage: two_builds ROOT COMMIT_A COMMIT_B PROJECT   (PROJECT relative to the repository, e.g. src/Search.Cli)
two_builds() {
  local root="$1" a="$2" b="$3" project="$4" side commit
  work="$(mktemp -d)"
  trap 'rm -rf "$work"; git -C "'"$root"'" worktree prune' EXIT
  for side in A B; do
    commit=$([ "$side" = A ] && echo "$a" || echo "$b")
    git -C "$root" worktree add -f -q --detach "$work/src-$side" "$commit"
    dotnet build -c Release "$work/src-$side/$project" -o "$work/out-$side" -v quiet > /dev/null
  done
}
