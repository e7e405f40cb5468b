"""A synchronous driver for the dashboard's ASGI app through httpx.ASGITransport (no server).

It keeps cookies between calls like a browser, and ``csrf(path)`` reads the token out of a
page's form, the way a browser would submit it.
"""

from __future__ import annotations

import asyncio
import re
from typing import Any

import httpx
from starlette.applications import Starlette

BASE = "http://127.0.0.1"
TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


class WebClient:
    def __init__(self, app: Starlette, base: str = BASE) -> None:
        self.app = app
        self.base = base  # https://... for an app whose cookies are Secure
        self.cookies = httpx.Cookies()

    def request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        async def go() -> httpx.Response:
            transport = httpx.ASGITransport(app=self.app)
            async with httpx.AsyncClient(
                transport=transport, base_url=self.base, cookies=self.cookies
            ) as client:
                response = await client.request(method, path, **kwargs)
                self.cookies.update(client.cookies)
                return response

        return asyncio.run(go())

    def get(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, data: dict[str, str], **kwargs: Any) -> httpx.Response:
        return self.request("POST", path, data=data, **kwargs)

    def csrf(self, path: str = "/feeds") -> str:
        """The CSRF token in the forms of ``path`` (loading it starts the session)."""
        match = TOKEN.search(self.get(path).text)
        assert match, f"no CSRF token on {path}"
        return match.group(1)
