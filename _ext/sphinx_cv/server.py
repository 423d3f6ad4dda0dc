"""A build server: Sphinx kept running from one build to the next.

The next build starts at once and reads only the pages that changed.
``python -m sphinx_cv.server SPHINX-BUILD-ARGUMENTS`` (``make pdf`` and
``make docx`` run it) asks the project's server to build, through a Unix
socket: it hands the server its terminal (standard input, output and error)
and exits with the build's status. With no server running, it starts one in
the background and builds in this process as ``sphinx-build`` would, so the
first build is as fast as ever and the next ones are faster.

The server keeps one Sphinx application for each build it is asked for (the
arguments, the folder, the environment variables that change a build), and
builds again with it: a Python process started, Sphinx and its extensions
imported, conf.py read, the environment loaded, Typst's fonts found, all once.
A run with nothing changed under the project (by the files' times and
sizes) since the same build last succeeded does nothing. The server exits
when a module it runs or the project's conf.py changes (the client then
builds itself and starts a new one), and after 15 minutes with no build.
``SPHINX_CV_SERVER=off`` builds in the client's process and starts none.

This module imports nothing but the standard library until it serves, so
that asking costs a few hundredths of a second.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any, cast

#: Seconds without a build after which the server exits.
IDLE = 15 * 60
#: The environment variables that change what a build writes.
ENVIRONMENT = ("SOURCE_DATE_EPOCH", "LANG", "LC_ALL", "TZ", "PYTHONPATH")
#: Folders of a project that are not its sources (nor is a hidden one).
NOT_SOURCES = {"_build", "node_modules", "__pycache__"}
#: What the server answers besides a status: "build it yourself".
YOURSELF = "yourself"


def address(folder: Path) -> str:
    """The socket of the server of the project in *folder*, for this Python,
    in a folder only this user may enter (no one else hands it a build)."""
    key = f"{folder.resolve()}\0{sys.executable}"
    digest = hashlib.sha256(key.encode()).hexdigest()[:16]
    return str(private() / f"{digest}.sock")


def private() -> Path:
    """This user's folder of sockets (``$XDG_RUNTIME_DIR`` or the temporary
    folder, ``sphinx-cv-UID``); an OSError if another may enter it."""
    base = os.environ.get("XDG_RUNTIME_DIR") or tempfile.gettempdir()
    folder = Path(base) / f"sphinx-cv-{os.getuid()}"
    folder.mkdir(mode=0o700, exist_ok=True)
    found = folder.stat()
    if found.st_uid != os.getuid() or found.st_mode & 0o077:
        raise PermissionError(f"{folder}: others may enter it")
    return folder


# -- the client -------------------------------------------------------------------


def ask(argv: list[str]) -> int:
    """Have the server build *argv*; build here if it cannot, or if
    ``SPHINX_CV_SERVER=off`` says to (no process is left behind)."""
    if os.environ.get("SPHINX_CV_SERVER") == "off":
        return yourself(argv)
    try:
        where = address(Path.cwd())
    except OSError:
        return yourself(argv)
    request = {
        "argv": argv,
        "cwd": os.getcwd(),
        "env": {k: os.environ[k] for k in ENVIRONMENT if k in os.environ},
    }
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
        try:
            client.connect(where)
        except OSError:
            start(where)
            return yourself(argv)
        socket.send_fds(client, [json.dumps(request).encode()], [0, 1, 2])
        answer = client.makefile("r").read().strip()
    if answer.lstrip("-").isdigit():
        return int(answer)
    return yourself(argv)


def start(where: str) -> None:
    """A server, started in the background for the next build."""
    subprocess.Popen(
        [sys.executable, "-m", "sphinx_cv.server", "--serve", where],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def yourself(argv: list[str]) -> int:
    """The build, run in this process as sphinx-build runs it."""
    from sphinx.cmd.build import main

    return main(argv)


# -- the server -------------------------------------------------------------------


class Relay:
    """A text stream that writes where the build being served writes."""

    def __init__(self) -> None:
        self.target: Any = sys.stderr

    def write(self, text: str) -> int:
        if self.target is None:
            return len(text)
        written: int = self.target.write(text)
        return written

    def flush(self) -> None:
        if self.target is not None:
            self.target.flush()

    def isatty(self) -> bool:
        return False


class Server:
    """Sphinx applications kept between builds, by what each builds."""

    def __init__(self) -> None:
        from sphinx.cmd.build import get_parser
        from sphinx.util.console import disable_colour  # type: ignore[attr-defined]

        disable_colour()
        self.parser = get_parser()
        self.status, self.warning = Relay(), Relay()
        #: Each application, and what it registered with docutils.
        self.apps: dict[str, tuple[Any, Registry]] = {}
        #: The sources as they were when each build last succeeded.
        self.built: dict[str, tuple[Any, ...]] = {}
        self.modules = self.module_times()
        #: Whether a build left garbage the collector has not freed.
        self.left = False

    @staticmethod
    def module_times() -> dict[str, float]:
        """The times of the files of the modules this process runs."""
        found = {}
        for module in list(sys.modules.values()):
            path = getattr(module, "__file__", None)
            if path:
                with contextlib.suppress(OSError):
                    found[path] = os.stat(path).st_mtime
        return found

    def stale(self) -> str:
        """A module it runs (or conf.py) that changed since it was loaded,
        "" if none: the process's code is no longer the files'."""
        for path, when in self.modules.items():
            try:
                if os.stat(path).st_mtime != when:
                    return path
            except OSError:
                return path
        return ""

    def build(self, argv: list[str], out: Any, err: Any) -> int | None:
        """Build *argv* in the current folder, writing to *out* and *err*:
        its status, or None to have the client build it.

        Python's cycle collector waits while it builds: its passes over every
        object the server keeps took a third of a 150-entry CV's PDF, at
        random. The caller frees what the build left (:meth:`collect`) once
        it has said how the build went, and its client has gone."""
        gc.disable()
        try:
            return self._build(argv, out, err)
        finally:
            gc.enable()

    def _build(self, argv: list[str], out: Any, err: Any) -> int | None:
        from sphinx.application import Sphinx
        from sphinx.cmd.build import _parse_confoverrides
        from sphinx.util import logging as sphinx_logging

        try:
            args = self.parser.parse_args(argv)
        except SystemExit:
            return None
        key = json.dumps([os.getcwd(), argv, sorted(os.environ.items())])
        confdir = args.confdir or args.sourcedir
        sources = snapshot(Path(args.sourcedir), args.outputdir)
        if not (args.freshenv or args.force_all) and self.built.get(key) == sources:
            if not (args.quiet or args.really_quiet):
                out.write(f"{args.outputdir}: nothing changed since its last build\n")
            return 0
        self.status.target = None if args.quiet or args.really_quiet else out
        self.warning.target = None if args.really_quiet else err
        held = self.apps.get(key)
        self.built.pop(key, None)
        self.left = True
        try:
            if held is None or args.freshenv:
                with namespace(None, confdir) as registry:
                    app = Sphinx(
                        srcdir=args.sourcedir,
                        confdir=confdir,
                        outdir=args.outputdir,
                        doctreedir=args.doctreedir
                        or os.path.join(args.outputdir, ".doctrees"),
                        buildername=args.builder,
                        confoverrides=_parse_confoverrides(
                            self.parser, args.define, args.htmldefine, args.nitpicky
                        ),
                        status=cast(IO[str], self.status),
                        warning=cast(IO[str], self.warning),
                        freshenv=args.freshenv,
                        warningiserror=args.warningiserror,
                        tags=args.tags,
                        verbosity=args.verbosity,
                        keep_going=False,
                    )
                    app.connect("env-before-read-docs", forget_read)
                    held = self.apps[key] = (app, registry())
                    conf = Path(confdir, "conf.py").resolve()
                    with contextlib.suppress(OSError):
                        self.modules.setdefault(str(conf), conf.stat().st_mtime)
                    app.build(args.force_all, args.filenames)
            else:
                app, saved = held
                app.statuscode, app._warncount = 0, 0
                app.env.__dict__.pop("master_doctree", None)
                # Sphinx's logging is the process's, set up for the newest
                # application: its warnings must count as this one's.
                sphinx_logging.setup(
                    app, app._status, app._warning, verbosity=app.verbosity
                )
                with namespace(saved, confdir):
                    app.build(args.force_all, args.filenames)
        except Exception as error:  # an extension's bug: said, and forgotten
            self.apps.pop(key, None)
            err.write(f"sphinx-cv server: {type(error).__name__}: {error}\n")
            return 2
        finally:
            # Modules the build imported: a change to them is a change too.
            for path, when in self.module_times().items():
                self.modules.setdefault(path, when)
        if app.statuscode == 0:
            self.built[key] = snapshot(Path(args.sourcedir), args.outputdir)
        status: int = app.statuscode
        return status

    def collect(self) -> None:
        """Free the cycles the last build left (the collector waited)."""
        if self.left:
            gc.collect()
            self.left = False

    def serve(self, where: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(where)
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as listener:
            listener.bind(where)
            listener.listen()
            listener.settimeout(IDLE)
            try:
                while True:
                    try:
                        connection, _ = listener.accept()
                    except TimeoutError:
                        return
                    with connection:
                        going = self.answer(connection)
                    self.collect()
                    if not going:
                        return
            finally:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(where)

    def answer(self, connection: socket.socket) -> bool:
        """Serve one request; False when the server must go."""
        message, fds, _, _ = socket.recv_fds(connection, 65536, 3)
        request = json.loads(message)
        if request.get("stop"):
            connection.sendall(b"stopped")
            return False
        if self.stale():
            connection.sendall(YOURSELF.encode())
            return False
        os.chdir(request["cwd"])
        for name in ENVIRONMENT:
            os.environ.pop(name, None)
        os.environ.update(request["env"])
        with (
            open(fds[1], "w", closefd=True) as out,
            open(fds[2], "w", closefd=True) as err,
        ):
            os.close(fds[0])
            status = self.build(request["argv"], out, err)
            self.status.target = self.warning.target = None
        connection.sendall((YOURSELF if status is None else str(status)).encode())
        return status is not None or not self.stale()


def forget_read(app: Any, env: Any, docnames: list[str]) -> None:
    """Forget the doctrees of the pages about to be read again: the
    environment keeps each page's doctree as it first loaded it, for good
    (Sphinx's own test application clears them all before a build)."""
    for docname in docnames:
        env._pickled_doctree_cache.pop(docname, None)


#: What an application registered with docutils (whose registries are the
#: process's): its directives, roles and node classes.
Registry = tuple[dict[str, Any], dict[str, Any], set[Any]]


@contextlib.contextmanager
def namespace(saved: Registry | None, confdir: str) -> Iterator[Callable[[], Registry]]:
    """Docutils' registries as one application made them (*saved*), or
    empty for a new one, for as long as it builds; and a function that
    tells what they hold then. Applications kept side by side in one
    process each build among their own directives, as in a process of
    their own."""
    from docutils.parsers.rst import directives, roles
    from sphinx.util.docutils import (
        additional_nodes,
        docutils_namespace,
        patch_docutils,
        register_node,
    )

    with patch_docutils(confdir), docutils_namespace():
        if saved is not None:
            directives._directives.update(saved[0])  # type: ignore[attr-defined]
            roles._roles.update(saved[1])  # type: ignore[attr-defined]
            for node in saved[2]:
                register_node(node)

        def registry() -> Registry:
            return (
                dict(directives._directives),  # type: ignore[attr-defined]
                dict(roles._roles),  # type: ignore[attr-defined]
                set(additional_nodes),
            )

        yield registry


def snapshot(source: Path, outdir: str | None = None) -> tuple[Any, ...]:
    """The project's files under *source* (not its builds, nor hidden
    files), by time and size, and the output folder's: equal snapshots,
    nothing to build."""
    found: list[tuple[Any, ...]] = []
    for folder, names, files in os.walk(source):
        names[:] = sorted(
            n for n in names if n not in NOT_SOURCES and not n.startswith(".")
        )
        for name in sorted(f for f in files if not f.startswith(".")):
            with contextlib.suppress(OSError):
                stat = os.stat(os.path.join(folder, name))
                found.append((folder, name, stat.st_mtime_ns, stat.st_size))
    if outdir is not None:
        with contextlib.suppress(OSError):
            found.append((outdir, os.stat(outdir).st_mtime_ns))
    return tuple(found)


def stop() -> int:
    """Stop the project's server, if one runs."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
        try:
            client.connect(address(Path.cwd()))
        except OSError:
            return 0
        client.sendall(json.dumps({"stop": True}).encode())
        client.makefile("r").read()
    return 0


def main(argv: list[str]) -> int:
    if argv[:1] == ["--stop"]:
        return stop()
    if argv[:1] == ["--serve"]:
        import sphinx.cmd.build  # noqa: F401  (imported before the first ask)

        # Stopped by a signal, it still takes its socket away.
        signal.signal(signal.SIGTERM, lambda number, frame: sys.exit(0))

        Server().serve(argv[1])
        return 0
    return ask(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
