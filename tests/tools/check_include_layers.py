#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the studio's include layers: the folders of ui/ (and its top-level files, as ".") must not include each
other in a cycle, and no folder may include a top-level file (MainWindow). Prints every cycle with one include that
closes it, and exits 1 when there is any; docs/architecture.md lists the intended layers.

Usage: check_include_layers.py UI_DIR
"""
import os
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def folder_of(rel):
    return rel.split("/")[0] if "/" in rel else "."


def edges(ui):
    """(from folder, to folder) -> an example (file, include)."""
    found = {}
    for dirpath, _, files in os.walk(ui):
        for name in files:
            if not name.endswith((".h", ".cpp")):
                continue
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, ui)
            with open(path, encoding="utf-8") as f:
                text = f.read()
            for inc in INCLUDE.findall(text):
                # Includes are written from ui/ ("studio/StudioContext.h") or, rarely, from the file's own folder.
                for base in (ui, dirpath):
                    target = os.path.relpath(os.path.normpath(os.path.join(base, inc)), ui)
                    if not target.startswith("..") and os.path.isfile(os.path.join(ui, target)):
                        src, dst = folder_of(rel), folder_of(target)
                        if src != dst:
                            found.setdefault((src, dst), (rel, inc))
                        break
    return found


def cycles(found):
    graph = {}
    for a, b in found:
        graph.setdefault(a, set()).add(b)
    # Tarjan's strongly connected components: every component of more than one folder is a cycle.
    index, low, stack, on, out = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def main():
    ui = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "ui")
    found = edges(ui)
    problems = 0
    for comp in cycles(found):
        problems += 1
        print("include cycle between ui folders: " + " <-> ".join(comp))
        for (a, b), (rel, inc) in sorted(found.items()):
            if a in comp and b in comp:
                print(f"  ui/{rel} includes \"{inc}\"")
    for (a, b), (rel, inc) in sorted(found.items()):
        if b == "." and a != ".":
            problems += 1
            print(f"ui/{rel} includes the window's own file \"{inc}\": parts get a StudioContext instead")
    layers = {}
    for a, b in found:
        layers.setdefault(a, set()).add(b)
    if problems:
        return 1
    print("no include cycles among " + ", ".join(sorted({f for e in found for f in e})))
    for a in sorted(layers):
        print(f"  {a} -> {', '.join(sorted(layers[a]))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
