"""A local news website for the tests: article pages and an RSS feed the tests can change."""
import asyncio

from starlette.applications import Starlette
from starlette.responses import HTMLResponse, Response, StreamingResponse
from starlette.routing import Route

from tests.servers import ThreadedServer

ARTICLE_HTML = """<html><head><title>Tin công đoàn</title>
<meta property="article:published_time" content="2026-03-05"></head><body>
<nav>Trang chủ · Tin tức · Liên hệ</nav><article><h1>Công đoàn khu công nghiệp Tân Phú tổ chức Ngày hội công nhân</h1>
<p>Sáng ngày 5/3/2026, Công đoàn khu công nghiệp Tân Phú tổ chức Ngày hội công nhân với chủ đề
“Đoàn kết, sáng tạo, vì việc làm bền vững” thu hút hơn 1.200 đoàn viên tham gia.</p>
<p>Dịp này, ban tổ chức trao 150 suất quà cho công nhân có hoàn cảnh khó khăn, mỗi suất trị giá 800.000 đồng.</p>
</article><footer>Bản quyền thuộc về Cổng thông tin</footer></body></html>"""


def feed_xml(base: str, items: list[str]) -> str:
    entries = "".join(f"<item><title>Tin {i}</title><link>{base}/tin/{i}</link>"
                      f"<description>&lt;p&gt;Tóm tắt tin {i}: công đoàn trao 25 suất quà.&lt;/p&gt;</description></item>"
                      for i in items)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Tin CĐ</title>{entries}</channel></rss>'


class Site:
    """A local website: article pages and an RSS feed the tests can change."""

    def __init__(self):
        self.items = ["a"]
        self.server = ThreadedServer(Starlette(routes=[
            Route("/bai-viet", lambda r: HTMLResponse(ARTICLE_HTML)),
            Route("/bao-cao.pdf", lambda r: Response(b"%PDF-1.4 bao cao", media_type="application/pdf")),
            Route("/cham", self.drip),
            Route("/tin/{i}", self.item),
            Route("/rss.xml", lambda r: Response(feed_xml(self.server.url, self.items),
                                                 media_type="application/rss+xml")),
        ])).start()

    async def drip(self, request):
        """A page that comes a byte at a time, each within any per-read timeout, never ending."""
        async def body():
            yield b"<html><body><p>"
            for _ in range(600):
                await asyncio.sleep(0.1)
                yield b"x"
        return StreamingResponse(body(), media_type="text/html")

    def item(self, request):
        i = request.path_params["i"]
        if i.startswith("mat"):  # a page that is gone: the feed's summary stands in
            return Response("not found", status_code=404)
        return HTMLResponse(ARTICLE_HTML.replace("Tân Phú", f"Tân Phú {i.upper()}").replace("1.200", f"{len(i)}.300")
                            .replace("5/3/2026", "6/3/2026"))
