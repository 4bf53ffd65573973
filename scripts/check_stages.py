#!/usr/bin/env python3
"""Checks the include lines of the core against its pipeline (docs/architecture.md).

core/src holds one folder per stage, in this order:
    common  read  structure  layout  text  engine  findings  report
(common/ is not a stage of the pipeline but tools every stage may use, so it
comes first: it includes nothing of the stages.)
Rules:
  1. a file in a stage folder includes internal headers of its own or an earlier
     stage only, always named with their folder ("engine/engine.hpp");
  2. public headers (core/include/canvasfit) are the shared model and may be
     included anywhere, except analyze.hpp and analyzer.hpp, the top of the
     pipeline, which only report/ (and code outside the core) includes;
  3. public headers include public headers only;
  4. cli/ and wasm/ include public headers only (CMake also enforces it: they
     link canvasfit_core, whose core/src include folder is private);
  5. every source file of the core lives in a stage folder;
  6. one JSON implementation: no file of the core, cli/ or wasm/ includes
     nlohmann or read/json_input.hpp (nlohmann trees for the tests), except
     read/json_input.* themselves (library canvasfit_json_tree, tests only).

    python3 scripts/check_stages.py              # exit 1 and one line per breach
    python3 scripts/check_stages.py --self-test  # shows that each rule catches a breach
"""
import os, re, shutil, subprocess, sys, tempfile

STAGES = ["common", "read", "structure", "layout", "text", "engine", "findings", "report"]
TOP_OF_PIPELINE = {"canvasfit/analyze.hpp", "canvasfit/analyzer.hpp"}
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)
ANY_INCLUDE = re.compile(r'^\s*#\s*include\s+[<"]([^">]+)[">]', re.M)
TREE_ONLY = {"core/src/read/json_input.hpp", "core/src/read/json_input.cpp"}
SOURCE = (".cpp", ".hpp", ".inc")


def includes(path):
    with open(path, encoding="utf-8") as f:
        return INCLUDE.findall(f.read())


def check_one_json(root, path, problems):
    rel = os.path.relpath(path, root)
    if rel.replace(os.sep, "/") in TREE_ONLY:
        return
    with open(path, encoding="utf-8") as f:
        for name in ANY_INCLUDE.findall(f.read()):
            if name.startswith("nlohmann/") or name == "read/json_input.hpp":
                problems.append(f"{rel}: includes {name}; the core, CLI and module read JSON "
                                "with json_pull and write it with JsonWriter only")


def files_under(root, folder):
    for base, _, names in os.walk(os.path.join(root, folder)):
        for name in sorted(names):
            if name.endswith(SOURCE):
                yield os.path.join(base, name)


def check_stage_file(root, path, stage, problems):
    rank = STAGES.index(stage)
    rel = os.path.relpath(path, root)
    for name in includes(path):
        if name.startswith("canvasfit/"):
            if name in TOP_OF_PIPELINE and stage != "report":
                problems.append(f"{rel}: includes {name}, the top of the pipeline (only report/ may)")
            continue
        folder = name.split("/", 1)[0] if "/" in name else None
        if folder not in STAGES:
            problems.append(f"{rel}: includes \"{name}\" without its stage folder")
        elif STAGES.index(folder) > rank:
            problems.append(f"{rel}: includes {name} from the later stage {folder}/ ({stage}/ comes before it)")


def check(root):
    problems = []
    src = os.path.join(root, "core/src")
    for path in files_under(root, "core/src"):
        parts = os.path.relpath(path, src).split(os.sep)
        if len(parts) < 2 or parts[0] not in STAGES:
            problems.append(f"{os.path.relpath(path, root)}: not in a stage folder ({', '.join(STAGES)})")
            continue
        check_stage_file(root, path, parts[0], problems)
    for folder in ("core", "cli", "wasm"):
        for path in files_under(root, folder):
            check_one_json(root, path, problems)
    for folder in ("core/include", "cli", "wasm"):
        for path in files_under(root, folder):
            for name in includes(path):
                if not name.startswith("canvasfit/"):
                    problems.append(f"{os.path.relpath(path, root)}: includes \"{name}\", "
                                    "not a public header (canvasfit/...)")
    return problems


def self_test(root):
    """Copies the core, plants one breach of each rule, and expects each to be caught."""
    breaches = [
        ("core/src/read/json_pull.cpp", '#include "findings/findings.hpp"\n', "later stage findings/"),
        ("core/src/text/text.cpp", '#include "canvasfit/analyze.hpp"\n', "top of the pipeline"),
        ("core/src/engine/fit.cpp", '#include "json_pull.hpp"\n', "without its stage folder"),
        ("core/include/canvasfit/board.hpp", '#include "engine/engine.hpp"\n', "not a public header"),
        ("cli/main.cpp", '#include "layout/layout.hpp"\n', "not a public header"),
        ("core/src/stray.cpp", "", "not in a stage folder"),
        ("core/src/report/report_writers.cpp", "#include <nlohmann/json.hpp>\n", "json_pull"),
    ]
    missed = 0
    for target, line, expected in breaches:
        with tempfile.TemporaryDirectory() as tmp:
            for folder in ("core", "cli", "wasm"):
                shutil.copytree(os.path.join(root, folder), os.path.join(tmp, folder))
            path = os.path.join(tmp, target)
            old = open(path).read() if os.path.exists(path) else ""
            with open(path, "w") as f:
                f.write(line + old)
            if not any(expected in p for p in check(tmp)):
                print(f"check_stages self-test: a breach in {target} ({expected}) went unnoticed")
                missed += 1
    clean = not check(root)
    if not clean:
        print("check_stages self-test: the tree itself breaks the rules (run without --self-test)")
    print(f"check_stages self-test: {len(breaches) - missed}/{len(breaches)} planted breaches caught")
    return 0 if clean and not missed else 1


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    if "--self-test" in sys.argv[1:]:
        return self_test(root)
    problems = check(root)
    for problem in problems:
        print(problem)
    print(f"check_stages: {len(problems)} breach(es) of the stage order" if problems
          else "check_stages: every include follows the stage order")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
