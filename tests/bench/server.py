"""A static server for a built site on 127.0.0.1 that gzips text, as GitHub Pages does.

GitHub Pages answers with ``Content-Encoding: gzip`` for text files and
``Cache-Control: max-age=600``; this server does the same, so Lighthouse sees the bytes a
reader would download.
"""

from __future__ import annotations

import gzip
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache, partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

TEXT_TYPES = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map")


@lru_cache(maxsize=512)
def _gzipped(path: str, mtime: float) -> bytes:
    return gzip.compress(Path(path).read_bytes(), compresslevel=6, mtime=0)


class GzipHandler(SimpleHTTPRequestHandler):
    """Serves files, gzipped when the client accepts it and the file is text."""

    def log_message(self, format: str, *args: Any) -> None:
        """Keep the benchmark output clean."""

    def end_headers(self) -> None:
        """Add the caching header GitHub Pages sends."""
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def do_GET(self) -> None:
        """Answer with the gzipped file when possible, else as the base class does."""
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                super().do_GET()  # the base class redirects to the slash URL
                return
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.suffix in TEXT_TYPES and path.is_file()):
            super().do_GET()
            return
        body = _gzipped(str(path), path.stat().st_mtime)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def serve_gzip(directory: Path) -> Iterator[str]:
    """Serve ``directory`` at the root of a free port of 127.0.0.1; yield the base URL."""
    handler = partial(GzipHandler, directory=str(directory))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()
