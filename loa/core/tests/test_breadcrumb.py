"""`{% breadcrumb %}`: Trang chủ, the links given (None skipped), then the current page unlinked."""
from django.template import Context, Template

TEMPLATE = Template("{% load loa_breadcrumb %}{% breadcrumb parent missing group current=title %}")


def render(**context) -> str:
    return " ".join(TEMPLATE.render(Context(context)).split())


def test_links_in_order_then_the_current_page():
    html = render(parent=("Đại biểu", "/dai-bieu/"), missing=None, group=("Tổ 1", "/dai-bieu/?to=1"), title="")
    assert html == ('<nav class="breadcrumb" aria-label="Đường dẫn"> <ol><li><a href="/">Trang chủ</a></li>'
                    '<li><a href="/dai-bieu/">Đại biểu</a></li><li><a href="/dai-bieu/?to=1">Tổ 1</a></li></ol> </nav>')


def test_the_current_page_is_marked_and_escaped():
    html = render(parent=None, missing=None, group=None, title="<b>Văn bản</b>")
    assert html.endswith('<li><a href="/">Trang chủ</a></li><li aria-current="page">&lt;b&gt;Văn bản&lt;/b&gt;</li></ol> </nav>')
