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


# The kinds of firm a name follows, in news and in members' questions ("Công ty TNHH Hải Triều", "Tổng công ty
# Điện lực miền Bắc", "Nhà máy Bia Hạ Long", "Ngân hàng BIDV", "hãng Shinwon"): general Vietnamese, one list for
# every reader, each reading it in its own case (typed, capitalised or folded) and leaving out, by name and with
# why, the kinds it does not read (`kinds_but`).
COMPANY_KINDS = ("tổng công ty", "doanh nghiệp", "xí nghiệp", "ngân hàng", "công ty", "tập đoàn", "nhà máy", "hãng", "cty")


def kinds_but(*left_out: str) -> tuple[str, ...]:
    """COMPANY_KINDS without those a reader leaves out (each must be one of them: a typo fails at import)."""
    if not set(left_out) <= set(COMPANY_KINDS):
        raise ValueError(f"not company kinds: {sorted(set(left_out) - set(COMPANY_KINDS))}")
    return tuple(k for k in COMPANY_KINDS if k not in left_out)


# Words Vietnamese writes with a capital that name a time of the year, not a body or a person: the festival "Tết"
# (capitalised by convention, "quà Tết", "Tết Nguyên đán"), Christmas ("Noel", "Giáng sinh"). No firm, port, union or
# person is named after one, so a name read in capitals ends before it: "Công đoàn Cảng Hải Phòng Tết năm 2025" names
# the port's union, then the festival (general Vietnamese writing). Session 38 (helper D).
TIME_NAME_WORDS = ("Tết", "Noel", "Giáng sinh")
# A regex lookahead: no such word starts here (put before a name's next capitalised word).
NOT_TIME_NAME = rf"(?!(?:{'|'.join(TIME_NAME_WORDS)})(?!\w))"


def ends_name(word: str) -> bool:
    """Whether a capitalised word ends a name read before it (`TIME_NAME_WORDS`; "Giáng" opens "Giáng sinh")."""
    return word in {w.split()[0] for w in TIME_NAME_WORDS}
