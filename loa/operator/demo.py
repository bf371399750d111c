"""Demo operator settings: the office's contact details in the footer (no EMC script: its URL is issued per portal)."""
from __future__ import annotations

from wagtail.models import Site

from .models import OperatorSettings


def load_operator_demo(home) -> OperatorSettings:
    site = Site.objects.filter(root_page=home).first() or Site.objects.get(is_default_site=True)
    operator = OperatorSettings.for_site(site)
    operator.responsible_person = "Chánh Văn phòng Đoàn ĐBQH và HĐND tỉnh"
    operator.licence = "Giấy phép thiết lập trang thông tin điện tử (dữ liệu mẫu)."
    operator.save()
    return operator
