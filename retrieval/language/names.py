"""Vietnamese family names: a person's full name opens with one ("Nguyễn Thị Mai", "Lò Văn Pọm"),
a body's name does not ("Công đoàn …", "Liên đoàn …"). General knowledge of Vietnamese names (the
common Kinh ones and the Tày/Thái/Nùng ones news often writes), one list for every reader."""
from __future__ import annotations

from knowledge.text import fold

FAMILY_NAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ",
                "Ngô", "Dương", "Lý", "Đinh", "Đoàn", "Trương", "Lâm", "Mai", "Trịnh", "Lương", "Cao", "Hà", "Tạ",
                "Phùng", "Nghiêm", "Kiều", "Tô", "Châu", "Thái", "Quách", "Lưu", "Hứa", "Tăng", "Từ", "Đào",
                "Vương", "Triệu", "Lại", "Giang", "Tôn", "Chu", "Phó", "Ninh", "Khổng", "Thân", "Mạc", "Văn",
                "Đồng", "Doãn", "Kim", "Khúc", "Lục", "Âu", "Bạch", "Cù", "Diệp", "Hàn", "Lạc", "Mạch", "Ông",
                "Quan", "Tiêu", "Ứng", "Viên", "Yên", "La", "Sầm", "Hầu", "Nông", "Lò")
FOLDED_FAMILY_NAMES = frozenset(fold(n).lower() for n in FAMILY_NAMES)
