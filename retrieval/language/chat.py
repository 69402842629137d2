"""How members type in Zalo/Telegram, and the union's own abbreviations — from general
knowledge of Vietnamese, not from any question set.

* `ALIASES` — union and public-sector abbreviations and other names of the same thing
  ("lđlđ", "cđcs", "TP.HCM" / "Sài Gòn"). They are expanded on *both* sides — in the
  lexical tokens of articles and of questions — so "LĐLĐ" in an article and "liên đoàn
  lao động" in a question (or the other way round) are the same words.
* `SAME_AS` — other words for what a question says, as news text says it (“đứng đầu” → “giải
  nhất”, “khai cuộc” → “bắt đầu”, “bao lâu” → “thời gian”, “tốn” → “kinh phí”); the lexical side
  of a question also looks for them among the sentences of the chosen article.
* `CHAT` — shorthand only questions use ("bn", "ko", "j", "đc", "cn"), expanded in the
  question; `OPENINGS` and `PARTICLES` — politeness around a question ("cho em hỏi …",
  "… ạ", "… vậy", "ad ơi"), which carries no topic and is dropped.
Matching is accent-blind ("cđcs" = "cdcs"), on whole words.
"""
from __future__ import annotations

import re
from functools import lru_cache

from knowledge.text import fold, fold_same_length, has_diacritics, normalize

ALIASES = {
    "cd": "công đoàn", "cdcs": "công đoàn cơ sở", "cdvc": "công đoàn viên chức", "ldld": "liên đoàn lao động",
    "tld": "tổng liên đoàn", "tldld": "tổng liên đoàn lao động", "nld": "người lao động",
    "dvcd": "đoàn viên công đoàn", "cnvcld": "công nhân viên chức lao động", "cnvc": "công nhân viên chức",
    "cnld": "công nhân lao động", "cbcnv": "cán bộ công nhân viên", "cbcc": "cán bộ công chức",
    "cbccvc": "cán bộ công chức viên chức", "atvsld": "an toàn vệ sinh lao động", "atld": "an toàn lao động",
    "tuldtt": "thỏa ước lao động tập thể", "kcn": "khu công nghiệp", "kcx": "khu chế xuất",
    "ubnd": "ủy ban nhân dân", "hdnd": "hội đồng nhân dân", "bch": "ban chấp hành", "btv": "ban thường vụ",
    "bhxh": "bảo hiểm xã hội", "bhyt": "bảo hiểm y tế", "bhtn": "bảo hiểm thất nghiệp", "dn": "doanh nghiệp",
    "vn": "việt nam", "tphcm": "thành phố hồ chí minh", "tp.hcm": "thành phố hồ chí minh",
    "tp hcm": "thành phố hồ chí minh", "hcm": "thành phố hồ chí minh", "sai gon": "thành phố hồ chí minh",
    "tp": "thành phố", "gd&dt": "giáo dục và đào tạo", "gddt": "giáo dục và đào tạo",
    "kpcd": "kinh phí công đoàn", "hdld": "hợp đồng lao động", "tnld": "tai nạn lao động",
    "bnn": "bệnh nghề nghiệp",
}
# Words a member uses for what news text says otherwise (folded): a question's lexical side also
# looks for these. Contest results, start and end of events, cost, duration — general usage.
SAME_AS = {
    "dung dau": "giai nhat, vo dich", "vo dich": "giai nhat, dung dau", "giai nhat": "vo dich, dung dau, ve nhat",
    "ve nhat": "giai nhat, dung dau, vo dich",  # "đội nào về nhất": news writes "giải Nhất thuộc về đội …"
    "dieu hanh": "chu tri", "chu tri": "dieu hanh",  # who ran a meeting: members "điều hành", news "chủ trì"
    "khai cuoc": "bat dau, khai mac, khoi tranh", "khoi tranh": "bat dau, khai mac", "khai mac": "bat dau",
    "bat dau": "khai mac", "ket thuc": "be mac", "be mac": "ket thuc",
    "ton": "kinh phi, chi phi, tong muc dau tu", "chi phi": "kinh phi", "kinh phi": "chi phi",
    "bao lau": "thoi gian", "dien ra": "to chuc", "to chuc": "dien ra",
    # Session 19 (issue 23, paraphrases): union news vocabulary a member says in other words — a contest's
    # places ("về nhất" is "giải Nhất"), who sits a contest ("người dự thi" are "thí sinh"), a course's opening
    # ("khai giảng" / "khai mạc"), the houses unions give ("nhà tình nghĩa" / "Mái ấm Công đoàn" / "nhà đại
    # đoàn kết"), dues not paid ("chưa nộp / chưa đóng" is "nợ đọng"), a fare home ("tiền xe" is "tiền tàu xe").
    "ve nhi": "giai nhi", "ve ba": "giai ba",
    "nguoi du thi": "thi sinh", "thi sinh": "nguoi du thi",
    "khai giang": "khai mac", "nha tinh nghia": "mai am, nha dai doan ket", "mai am": "nha tinh nghia",
    "nha dai doan ket": "mai am, nha tinh nghia", "chua nop": "no dong, no", "chua dong": "no dong, no",
    "no dong": "chua nop, chua dong", "tien xe": "tien tau xe, ve xe", "tien tau xe": "tien xe",
    # Session 20 (issue 23, paraphrases): a member's everyday words for a union's head and its spending — the one
    # at the head ("người đứng đầu", "đứng đầu công đoàn / liên đoàn") of a union is its "chủ tịch" ("đứng đầu"
    # alone stays a contest's first place); money a union "bỏ ra" is news's "kinh phí / đóng góp", "chi tổng
    # cộng / tổng cộng" its "tổng kinh phí / tổng số".
    "nguoi dung dau": "chu tich", "dung dau cong doan": "chu tich cong doan",
    "dung dau lien doan": "chu tich lien doan",
    "bo ra": "kinh phi, dong gop", "chi tong cong": "tong kinh phi", "tong cong": "tong so, tong kinh phi",
    # Session 27 (issue 23, paraphrases): a campaign's or a congress's words are its "chủ đề", "khẩu hiệu", "thông
    # điệp" or "phương châm" — news writes one, members ask by another (spans._SLOGAN_KINDS reads them as one kind).
    "khau hieu": "chu de, thong diep", "thong diep": "chu de, khau hieu", "chu de": "khau hieu, thong diep",
    "phuong cham": "chu de, khau hieu",
    # Session 29 (issue 23, paraphrases): what a thing cost and what a victim was paid — members ask "số tiền"
    # and "đền bù", news writes "kinh phí" and "bồi thường" (standard pairs of Vietnamese; teamq18 "Số tiền làm 30 tủ
    # sách …" → "Tổng kinh phí thực hiện gần 270 triệu đồng", teamq9 "được đền bù bao nhiêu" → "đã bồi thường …").
    "so tien": "kinh phi", "den bu": "boi thuong", "boi thuong": "den bu",
}
CHAT = {"bn": "bao nhiêu", "bnhieu": "bao nhiêu", "bnh": "bao nhiêu", "ko": "không", "k": "không",
        "hok": "không", "kg": "không", "j": "gì", "dc": "được", "ntn": "như thế nào", "cn": "công nhân",
        "mk": "mình", "sn": "sinh nhật", "dv": "đoàn viên", "ld": "lao động", "cty": "công ty", "e": "em",
        # Session 14 (issue 23): how Vietnamese people text, from general knowledge. Each is a whole word
        # and read only in questions (`expand_question`); the ones that are also parts of names or codes:
        # * "bao nhiu" / "bnhiu": the vowel typed short; no other word is spelled so.
        # * "ng" (người): "Ng." for Nguyễn is written with its dot, in bylines, not in members' questions.
        # * "r" (rồi), "vs" (với), "ms" (mới), "cx" (cũng), "lm" (làm): a lone lowercase letter pair is no
        #   syllable of Vietnamese; codes ("R&D", "MS-01") are cut by the word boundary (& - / .).
        # * "cb", "nv", "bv", "pct", "hnay", "trc", "tg", "bh"/"bjo": a member's initials for cán bộ, nhân
        #   viên, bệnh viện, phó chủ tịch, hôm nay, trước, thời gian, bao giờ; an article's "BV" is not
        #   touched (questions only). ("bh" is as often bảo hiểm, "đóng bh": `CONTEXT_CHAT`.)
        "bnhiu": "bao nhiêu", "bao nhiu": "bao nhiêu", "bnhju": "bao nhiêu", "ng": "người", "r": "rồi",
        "vs": "với", "ms": "mới", "cx": "cũng", "lm": "làm", "bjo": "bao giờ", "bgio": "bao giờ",
        "trc": "trước", "tg": "thời gian", "tgian": "thời gian", "pct": "phó chủ tịch", "cb": "cán bộ",
        "nv": "nhân viên", "hnay": "hôm nay", "hqua": "hôm qua", "bv": "bệnh viện", "mik": "mình",
        "nhiu": "nhiều", "bik": "biết",
        # Session 18: members' initials for people and things union news names in full ("sinh viên", "giáo viên",
        # "tổng / phó giám đốc", "ký túc xá", "kết quả"), "ngta" (người ta), "đag" (đang). Not "hs" (học sinh or
        # hồ sơ), "qđ" (quyết định or quân đội), "gđ" (giám đốc or gia đình), "nđ" (nghị định or nội dung): both
        # are as common.
        "sv": "sinh viên", "gv": "giáo viên", "tgd": "tổng giám đốc", "pgd": "phó giám đốc", "ktx": "ký túc xá",
        "kq": "kết quả", "ngta": "người ta", "dag": "đang",
        # Session 26 (issue 23, chat style): standard Vietnamese texting for words union news writes in full —
        # "sđt" số điện thoại, "ds" danh sách, "bq" bình quân, "ktra" kiểm tra, "hsg" học sinh giỏi, "btc" ban tổ
        # chức, "bgk" ban giám khảo, "vđv" vận động viên, "ae" anh em (a closing "vậy ae" is a particle,
        # PARTICLES). Not "clb", "gtvt", "atgt": news writes those initials itself ("CLB", "Sở GTVT"), and a
        # question's initials written out would miss them (the articles' side, ALIASES, needs a rebuilt index).
        "sdt": "số điện thoại", "ds": "danh sách", "bq": "bình quân", "ktra": "kiểm tra", "hsg": "học sinh giỏi",
        "btc": "ban tổ chức", "bgk": "ban giám khảo", "vdv": "vận động viên", "ae": "anh em",
        # provinces typed short with their first letter ("qnam", "qngai"): no other word is spelled so
        "qnam": "quảng nam", "qngai": "quảng ngãi", "qninh": "quảng ninh", "qtri": "quảng trị", "qbinh": "quảng bình",
        # "khum" (không), "oy" (rồi), "ji" (gì): how younger members type them; no Vietnamese word is spelled so
        "khum": "không", "oy": "rồi", "ji": "gì"}
# Initials that mean different things by what follows: read only before what names the one meant.
# "ct" is chủ tịch before a body or "là ai" (alone it is as often "chương trình"); "đh" is đại hội before
# a body, "lần / khóa / nhiệm kỳ / đại biểu" or a Roman numeral (alone, and after "trường / công đoàn",
# it is đại học); "đk" is được before what is received or counted (alone it is as often "đăng ký").
_BODY = (r"cd|cong doan|ldld|lien doan|tld|tldld|tong lien doan|cdcs|cdvc|cdgd|ubnd|uy ban|hdnd|hoi|tinh|"
         r"thanh pho|tp|huyen|xa|phuong|quan|nuoc|nghiep doan|hdqt|hdtv|cty|cong ty|mttq|mat tran|ban|doan")
_PROGRAMME_OF = r"tinh nguyen|tinh nghia|hoi thi|hoi thao|hoi dien|hoi cho|nuoc sach|quan trong|quan tam|xa hoi"
# What follows "đh" when it is a university ("ĐH Tổng hợp", "đh bách khoa", "đh y dược"): the kinds of school
# Vietnamese universities are named by (folded), not the cities some are named by. "y" only before what names a medical school ("đh y tế" may be a
# congress of the health sector's union).
_UNIVERSITY = (r"quoc gia|tong hop|bach khoa|su pham|y duoc|y khoa|y ha noi|duoc|kinh te|luat|ngoai thuong|thuy loi|"
               r"xay dung|giao thong|nong nghiep|nong lam|khoa hoc|mo|cong nghiep|cong nghe|hang hai|thuong mai|"
               r"ngan hang|tai chinh|kien truc|van hoa|the duc|my thuat|ngoai ngu|dien luc|lao dong xa hoi|"
               r"quoc te|dan lap")  # (not a city's name: "đh đà nẵng" may be the city's congress)
# "đh" typed in lower case after "trường / công đoàn / cđ / sinh viên / giảng viên" or before a kind of school
# (_UNIVERSITY) is đại học, unless an ordinal, a term or delegates follow (the congress: "công đoàn đh lần thứ X").
# "ĐH" in capitals is left as typed: news writes it so ("Công đoàn ĐHQG"), and the search reads it as written.
_DH_UNIVERSITY = re.compile(
    rf"(?:(?<=\btruong )|(?<=\bcong doan )|(?<=\bcd )|(?<=\bsinh vien )|(?<=\bgiang vien ))"
    rf"dh(?![\w/&-])(?! (?:lan|khoa|nhiem ky|dai bieu|toan quoc|[ivxlc]+|\d+)\b)"
    rf"|(?<![\w/.&-])dh(?= (?:{_UNIVERSITY})\b)")
UNIVERSITY = "đại học"
_PLACE_INITIALS = {"bd": "bình dương", "bg": "bắc giang", "qb": "quảng bình"}
CONTEXT_CHAT = [
    # Session 19: "tv" is thành viên where members are counted ("có bn tv", "bao nhiêu tv", "mấy tv"); elsewhere
    # ("trao 5 chiếc tv") it may be a television and is left as typed
    (re.compile(r"(?:(?<=\bbao nhieu )|(?<=\bbn )|(?<=\bmay ))tv(?![\w/&-])"), "thành viên"),
    # (what a programme is of, folded like a body word, is no body: "ct tình nguyện / hội thi / nước sạch")
    (re.compile(rf"(?<![\w/.&-])ct(?= (?!{_PROGRAMME_OF})(?:{_BODY}|la ai|hien nay|hien tai|nhiem ky)\b)"), "chủ tịch"),
    (re.compile(rf"(?<![\w/.&-])(?<!truong )(?<!cong doan )(?<!cd )"
                rf"dh(?= (?:{_BODY}|dai bieu|lan|khoa|nhiem ky|toan quoc|thi dua|thanh lap|clb|cau lac bo|[ivxlc]+|\d+)\b)"),
     "đại hội"),
    (re.compile(r"(?<![\w/.&-])dk(?= (?:bao nhieu|bn|may|nhan|trao|tang|ho tro|khen|bau|cong nhan|thanh lap)\b)"),
     "được"),
    # "bh" is bao giờ opening a question or before what happens ("bh thì / mới / diễn ra"), and after "đến /
    # tới / từ"; elsewhere ("đóng bh", "sổ bh") it is bảo hiểm and left as typed
    (re.compile(r"(?:^|(?<=\bden )|(?<=\btoi )|(?<=\btu ))bh(?![\w/&-])|(?<![\w/.&-])bh(?= (?:thi|moi|se|dien ra|to chuc|bat dau|"
                r"ket thuc|khai mac|hoan thanh|co ket qua)\b)"), "bao giờ"),
    # "gd" is giáo dục after the sector, department or union it names ("ngành gd", "sở gd", "cđ gd"); alone it is
    # as often "gđ" (giám đốc, gia đình), which folds alike
    (re.compile("(?:" + "|".join(rf"(?<=\b{w} )" for w in ("nganh", "so", "bo", "phong", "cong doan", "cd", "truong", "khoi"))
                + r")gd(?![\w/&-])"), "giáo dục"),
    # an amount in millions typed short: "5tr", "1 tr đồng"
    (re.compile(r"(?<=\d) ?tr(?![\w/&-])"), " triệu"),
    # Session 26: "vl" is việc làm inside a question ("ngày hội vl", "phiên giao dịch vl", "tìm vl mới"); as the
    # last word it is the exclamation texting also spells so, left as typed
    (re.compile(r"(?<![\w/.&-])vl(?![\w/&-])(?![\s?.!]*$)"), "việc làm"),
    # "hp" is Hải Phòng ("hội thao hp", "6 tháng đầu năm hp"), but "học phí" after what is done to a fee
    (re.compile(r"(?<![\w/.&-])(?<!giam )(?<!mien )(?<!dong )(?<!nop )(?<!ho tro )(?<!tien )hp(?![\w/&-])"), "hải phòng"),
    # Session 26: a province by its initials after what places it ("ở bd", "lđlđ bg", "tỉnh qb"): "bd" is as often
    # bóng đá, "bg" bao giờ — so only there. Not "hn", "vp": "tại hn" is as often tại hội nghị, "tại vp" tại văn
    # phòng (tried: a dev question's "vp" read as Vĩnh Phúc, CV nodia 0.910 -> 0.903)
    (re.compile(r"(?:" + "|".join(rf"(?<=\b{w} )" for w in ("o", "tai", "tinh", "tp", "thanh pho", "ldld", "cd", "cong doan",
                                                            "kcn", "khu cong nghiep", "lien doan lao dong"))
                + r")(?:bd|bg|qb)(?![\w/&-])"),
     lambda m: _PLACE_INITIALS[m.group(0)]),
    # "bd" is bóng đá after a contest or team word ("giải bd", "đội bd", "môn bd") or before who plays ("bd nam")
    (re.compile(r"(?:(?<=\bgiai )|(?<=\bdoi )|(?<=\bmon )|(?<=\btran )|(?<=\bsan ))bd(?![\w/&-])"
                r"|(?<![\w/.&-])bd(?= (?:nam|nu|mini|cong nhan|cn)\b)"), "bóng đá"),
    # "h" is giờ after "mấy" ("mở cửa mấy h"); "8h" stays as typed (news writes it so)
    (re.compile(r"(?<=\bmay )h(?![\w/&-])"), "giờ"),
    # "không" typed "kh" / "hk" / "hông" at the question's end (the yes/no ending): mid-question "kh" is as often
    # "khách hàng / kế hoạch", "hk" học kỳ, and "hong" is also "hồng" — so only as the last word, and "hông" as typed.
    (re.compile(r"(?<![\w/.&-])(?:kh|hk)(?=[\s?.!]*$)"), "không"),
]
_HONG_TYPED = re.compile(r"(?<!\w)hông(?=[\s?.!]*$)")
# Central Vietnamese (Nghệ An to Quảng Nam) asks with its own words: "mô" (đâu / nào), "răng" (sao), "rứa" (vậy),
# "nớ" (đó), "ni" (này), "chi" (gì), read before the closing particles ("ở mô rứa"). Only as typed with accents —
# folded, "mo", "rang", "rua", "no" are "mở", "ràng", "rửa", "nó" — and only where they ask: "răng" alone is a tooth ("khám răng"), "chi" alone
# is "spend" ("chi bao nhiêu"), "ni" alone a syllable of names.
_AFTER = lambda words: rf"(?<!\w)((?:{words}) )"  # noqa: E731  (the word before, kept: "\1")
_MO = r"mô(?! (?:hình|tả|tô|phỏng))(?!\w)"  # "mô hình", "mô tả", "mô tô", "mô phỏng" are other words
DIALECT = [(re.compile(p, re.IGNORECASE), r) for p, r in [
    (r"(?<!\w)rứa(?!\w)", "vậy"),  # first: "là chi rứa" ends on what it asks
    (_AFTER("ở|tại|đi|về|tới|đến") + _MO, r"\1đâu"),
    # "khi mô", "năm mô", "đơn vị mô"
    (_AFTER("khi|lúc|hồi|bữa|ngày|tháng|năm|lần|đợt|cái|chỗ|nơi|người|đơn vị|công ty|tỉnh|huyện|xã|đội|trường")
     + _MO, r"\1nào"),
    (r"(?<!\w)(?<!quy )(?<!vĩ )mô(?=[\s?.!]*$)", "đâu"),  # ("quy mô", "vĩ mô": scale, macro)
    (_AFTER("làm|vì|tại|như") + r"răng(?!\w)", r"\1sao"),
    (r"^răng(?= )", "sao"),
    (r"(?<!\w)nớ(?!\w)", "đó"),
    (_AFTER("năm|hôm|bữa|tháng|đợt|lần|cái|khóa|kỳ|dịp") + r"ni(?!\w)", r"\1này"),
    (_AFTER("là|làm|cái|việc|chuyện|gồm|có") + r"chi(?=(?: vậy| ạ| à| hả)?[\s?.!]*$)", r"\1gì"),
]]
# "nhiêu" without "bao" asks how many ("nhiêu tiền?", Southern speech): at the question's end before one noun
# (typed "nhieu", it may be either; "nhiều" as typed is "many" and stays; before a yes/no ending, "hỗ trợ nhiều
# không", it is "many")
_NHIEU_END = re.compile(r"(?<!bao )(?<![\w])nhieu(?= (?!(?:khong|ko|k|hok|hong|chua)\b)\w+[\s?.!]*$)")
_OPENING_WHO = r"(?:em|e|minh|mk|mik|toi|to|t|chau|con|anh|chi)"
OPENINGS = ["cho em hoi", "cho minh hoi", "cho toi hoi", "cho chau hoi", "cho hoi", "em muon hoi",
            "minh muon hoi", "xin hoi", "ad oi", "admin oi", "bot oi", "mn oi", "moi nguoi oi", "ad", "admin"]
# Session 14: the same politeness as members type it: "cho e/mk/mik hỏi (chút / xíu) (là)", "dạ cho em hỏi",
# "em chào ad", "ai biết cho em hỏi", "<whom> ơi" — each a whole opening, never a lone word a question may
# start with ("dạ" only before "cho … hỏi" or a greeting: "Đà Nẵng" folds to "da nang").
_OPENING_EXTRA = [rf"(?:da,? )?cho {_OPENING_WHO} hoi(?: chut| xiu| ti| nhe| voi)?(?: la)?",
                  rf"(?:da,? )?(?:xin chao|chao ad|chao admin|{_OPENING_WHO} chao (?:ad|admin|ban|moi nguoi|mn))",
                  r"(?:co )?ai biet(?:,? cho \w+ hoi(?: chut| xiu| ti| nhe| voi)?(?: la)?)",
                  rf"{_OPENING_WHO} (?:muon|can) hoi(?: chut| xiu| ti)?(?: la)?", r"hoi (?:chut|xiu|ti)(?: la)?",
                  r"(?:ad|admin|bot|mn|mng|ae|ace|moi nguoi|moi ng|ban|cac ban|anh chi|ac|a/c|anh|chi) oi", r"(?:hi|hello|alo)(?=[ ,])",
                  r"(?:mn|ad|admin)(?=,? cho )"]
PARTICLES = ["a", "ah", "vay", "nhi", "nha", "nhe", "ha", "oi", "the", "ad", "admin", "mn", "moi nguoi",
             "vay ad", "ban oi",
             # Session 14: "z / zậy / dzậy / zị" (vậy typed as said) and "với ạ" (not "hở" or "hẹn": folded they are
             # "ho", "hen", the end of "căn hộ", "lịch hẹn")
             "z", "zay", "dzay", "zi", "voi a", "giup em voi", "giup minh voi", "bot oi",
             # Southern closing particles: "nè" ("á", "há" fold to "a", "ha" above)
             "ne",
             # Session 19: "ạ" typed as members text it ("… vậy ak", "… ạk"); no Vietnamese syllable is spelled so
             "ak",
             # Session 26: "ae" (anh em) closing a question to a group ("… vậy ae", "ae ơi"), like "mn"
             "ae", "vay ae", "ae oi", "ace", "vay ace", "mng", "vay mng"]
# Thanks after the question: only after a stop, a comma or "ạ" ("… bao nhiêu ạ? Em cảm ơn", "… vậy ạ cảm ơn
# ad"), since a question may end on the words themselves ("ai gửi thư cảm ơn").
_THANKS_RE = re.compile(r"(?:[,.?!]|(?<= a))\s*(?:(?:em|e|minh|toi|xin|chau) )?(?:cam on|thanks|thank you|thank|tks)"
                        r"(?: (?:ad|admin|ban|nhieu|a|nha|nhe|moi nguoi|mn|ac|anh chi))*[\s.!]*$")
# "v" at the end is "vậy" ("… là ai v"), but not after a word an ordinal follows ("khóa V", "lần V").
_V_ENDING = re.compile(r"(?<![\w/.&-])(?<!khoa )(?<!lan )(?<!thu )(?<!hoi )(?<!hang )(?<!cap )(?<!nhom )(?<!loai )"
                       r"(?<!dieu )(?<!phan )v(?=[\s?.!]*$)")

_WORD = r"(?<![\w/.&-])({})(?![\w/&-])"


def _words(keys) -> re.Pattern:
    return re.compile(_WORD.format("|".join(sorted(map(re.escape, keys), key=len, reverse=True))))


_ALIAS_RE = _words(ALIASES)
_ALIAS_FOLDED = {k: fold(v) for k, v in ALIASES.items()}
_CHAT_RE = _words(CHAT)
_OPENING_RE = re.compile(r"^\s*(?:(?:" + "|".join(_OPENING_EXTRA + sorted(map(re.escape, OPENINGS), key=len, reverse=True))
                         + r")\b[\s,:]*)+")
_PARTICLES_RE = re.compile(r"(?:[\s,?.!]+(?:" + "|".join(sorted(map(re.escape, PARTICLES), key=len, reverse=True))
                           + r"))+[\s?.!]*$")


def expand_folded(folded: str) -> str:
    """In folded text (articles and questions alike): abbreviations → their words."""
    return _ALIAS_RE.sub(lambda m: _ALIAS_FOLDED[m.group(1)], folded)


# Initials that also stand for something else: "CĐ" is "công đoàn" and "cao đẳng" (a college, "trường
# CĐ"). Matching a whole question against a whole article tolerates that; a counted noun read from a few
# words ("12 CĐ") does not.
AMBIGUOUS_ALIASES = {"cd"}
_UNAMBIGUOUS_RE = _words(k for k in ALIASES if k not in AMBIGUOUS_ALIASES)


def expand_unambiguous(folded: str) -> str:
    """`expand_folded` without the initials that also stand for something else (AMBIGUOUS_ALIASES)."""
    return _UNAMBIGUOUS_RE.sub(lambda m: _ALIAS_FOLDED[m.group(1)], folded)


def _sub_folded(text: str, pattern: re.Pattern, repl) -> str:
    """Replace matches found in the folded text, cutting the original at the same offsets."""
    folded = fold_same_length(text).lower()
    out, last = [], 0
    for m in pattern.finditer(folded):
        out += [text[last:m.start()], repl(m)]
        last = m.end()
    return "".join(out + [text[last:]])


# The closing particles as members type them with accents: a word typed with other accents is no particle
# ("giải nhì" is no "nhỉ", "được vay" may be, "khoản vay" typed so is kept as typed without accents already).
_PARTICLE_WRITTEN = set("""a ạ à ả ah à vậy vầy nhỉ nhé nhá nha nhe hả ha ơi thế với giúp em mình bạn mọi người zậy
dzậy zị z ad admin mn oi vay nhi the voi á há nè ne""".split())  # á, há, nè: Southern particles


def _particles_dropped(text: str):
    """The replacement for a run of closing particles in `text`: dropped (a "?" kept), unless a word of it
    typed with accents is not one of the particles' own forms (then it is a word of the question)."""
    def repl(m: re.Match) -> str:
        run = text[m.start():m.end()]
        kept = [w for w in re.finditer(r"[^\W\d_]+", run) if has_diacritics(w.group(0)) and
                w.group(0).lower() not in _PARTICLE_WRITTEN]
        ending = "?" if m.group(0).rstrip().endswith("?") else ""
        return run[:kept[-1].end()] + ending if kept else ending  # particles after the last word of the question
    return repl


def expand_question(text: str) -> str:
    """A member's question as the rest of the pipeline reads it: the opening and closing
    politeness dropped, chat shorthand and union abbreviations written out; accents as typed.
    Remembered for the last questions: one is read so ~5 times while it is answered (the search, the own-case
    features), and the tables it reads are fixed when the module loads."""
    return _expanded(text)


@lru_cache(maxsize=256)
def _expanded(text: str) -> str:
    out = _sub_folded(text, _OPENING_RE, lambda m: "")
    out = _sub_folded(out, _THANKS_RE, lambda m: "?" if m.group(0).lstrip()[:1] == "?" else "")
    for rx, words in DIALECT:  # as typed, with the accents
        out = rx.sub(words, out)
    for _ in range(2):  # "… là ai v ạ": the particles, a "v" left before them, the particles again
        out = _sub_folded(out, _PARTICLES_RE, _particles_dropped(out))
        out = _sub_folded(out, _V_ENDING, lambda m: "")
    out = _HONG_TYPED.sub("không", out)
    m = _NHIEU_END.search(fold_same_length(out).lower())
    if m and out[m.start():m.end()].lower() != "nhiều":
        out = out[:m.start()] + "bao nhiêu" + out[m.end():]
    out = _sub_folded(out, _CHAT_RE, lambda m: CHAT[m.group(1)])
    out = _sub_folded(out, _DH_UNIVERSITY, lambda m, typed=out: typed[m.start():m.end()] if typed[m.start()].isupper()
                      else UNIVERSITY)
    for rx, words in CONTEXT_CHAT:
        out = _sub_folded(out, rx, words if callable(words) else lambda m, w=words: w)
    out = _sub_folded(out, _ALIAS_RE, lambda m: ALIASES[m.group(1)])
    return " ".join(out.split()).strip(" ,") or text


_SAME_RE = re.compile(r"(?<![\w])(" + "|".join(sorted(map(re.escape, SAME_AS), key=len, reverse=True)) + r")(?![\w])")


def same_as(folded: str) -> str:
    """The other words for what a folded question says (empty when none apply)."""
    return " | ".join(SAME_AS[m.group(1)].replace(", ", " | ") for m in _SAME_RE.finditer(folded))


# What expand_question writes out, with its own accents: not the member's typing.
_WRITTEN = {v.replace("\\1", "").strip() for v in (*ALIASES.values(), *CHAT.values(), *_PLACE_INITIALS.values(),
                                                   *(w for _, w in CONTEXT_CHAT if not callable(w)),
                                                   UNIVERSITY, *(w for _, w in DIALECT))}
_WRITTEN_OUT = re.compile(r"(?<!\w)(" + "|".join(sorted(map(re.escape, {v for v in _WRITTEN if has_diacritics(v)}),
                                                         key=len, reverse=True)) + r")(?!\w)")


# A question counts as typed with accents when at least this share of its syllables carry them (the
# member's own syllables: not the shorthand and initials, "cđ", "lđlđ", "đc", which carry a "đ" of their
# own, nor the words the pipeline wrote out). A question typed with accents has them on most of the rest
# ("ai", "cho", "em", "tin", "con" and foreign names have none): on the dev questions typed with accents
# the lowest share is 0.5 (counted, not read). A member typing fast leaves them off most words and a
# phone's keyboard adds a few ("cho em hoi năm 2023 ldld co may ..."): such a question is read as
# unaccented — its accents are restored (the restorer keeps the ones typed) and "may" is read as "mấy".
ACCENTED_SHARE = 0.4
_SYLLABLE = re.compile(r"[^\W\d_]+")
# (folded: "đc", "cđ", "lđlđ" fold to keys of CHAT / ALIASES; "đh", "đk" are read only in context, CONTEXT_CHAT)
_OWN_ACCENTS = {fold(k) for k in (*CHAT, *ALIASES)} | {"dh", "dk"}


def _typed(text: str) -> str:
    """The text lowercased without the words the pipeline wrote out (`_WRITTEN_OUT`)."""
    return _WRITTEN_OUT.sub(" ", normalize(text).lower())


def accent_share(text: str) -> float | None:
    """The share of the member's syllables typed with accents (None when there are none to count)."""
    return _share(_typed(text))


def _share(typed: str) -> float | None:
    words = [w for w in _SYLLABLE.findall(typed) if fold(w) not in _OWN_ACCENTS]
    return sum(map(has_diacritics, words)) / len(words) if words else None


def typed_with_accents(text: str) -> bool:
    """Whether a question (as typed, or as the pipeline reads it, `expand_question`) was typed with
    accents: at least ACCENTED_SHARE of its syllables carry them. The words the pipeline wrote out
    itself ("cd" → "công đoàn", "bn" → "bao nhiêu") and the shorthand typed with a "đ" ("đc", "cđ") carry
    accents of their own and say nothing of how the member typed the rest."""
    typed = _typed(text)
    share = _share(typed)
    return has_diacritics(typed) if share is None else share >= ACCENTED_SHARE
