"""Vietnamese wording for synthetic plans: names of places and units, and text templates.

`{cite}` is replaced by a citation of a real document ("Chỉ thị số 33/CT-TTg ngày ..."), `{local}` by a
citation of a provincial document or plan, `{unit}`, `{prov}` and `{year}` by the plan's own values.
"""

from __future__ import annotations

# The 34 provinces and cities after the 2025 merger.
PROVINCES = [
    "Hà Nội", "Huế", "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh", "Thanh Hóa", "Nghệ An",
    "Hà Tĩnh", "Cao Bằng", "Tuyên Quang", "Lào Cai", "Thái Nguyên", "Phú Thọ", "Bắc Ninh", "Hưng Yên",
    "Hải Phòng", "Ninh Bình", "Quảng Trị", "Đà Nẵng", "Quảng Ngãi", "Gia Lai", "Khánh Hòa", "Lâm Đồng",
    "Đắk Lắk", "Hồ Chí Minh", "Đồng Nai", "Tây Ninh", "Cần Thơ", "Vĩnh Long", "Đồng Tháp", "Cà Mau", "An Giang",
]

# Departments: (id prefix, name, number suffix of their plans).
DEPARTMENTS = [
    ("so-noi-vu", "Sở Nội vụ", "SNV"), ("so-tai-chinh", "Sở Tài chính", "STC"), ("so-tu-phap", "Sở Tư pháp", "STP"),
    ("so-xay-dung", "Sở Xây dựng", "SXD"), ("so-cong-thuong", "Sở Công Thương", "SCT"), ("so-y-te", "Sở Y tế", "SYT"),
    ("so-giao-duc", "Sở Giáo dục và Đào tạo", "SGDĐT"),
    ("so-nong-nghiep", "Sở Nông nghiệp và Môi trường", "SNNMT"),
    ("so-van-hoa", "Sở Văn hóa, Thể thao và Du lịch", "SVHTTDL"),
    ("so-khoa-hoc", "Sở Khoa học và Công nghệ", "SKHCN"), ("so-dan-toc", "Sở Dân tộc và Tôn giáo", "SDTTG"),
    ("thanh-tra", "Thanh tra tỉnh", "TTr"), ("vp-ubnd", "Văn phòng Ủy ban nhân dân tỉnh", "VPUBND"),
    ("so-ngoai-vu", "Sở Ngoại vụ", "SNgV"), ("ban-dan-toc", "Ban Quản lý các khu công nghiệp", "BQLKCN"),
]

# Commune names are two of these words; each province takes its own shuffled pairs.
COMMUNE_WORDS = [
    "Tân", "Hòa", "Phú", "An", "Bình", "Thạnh", "Long", "Mỹ", "Đông", "Tây", "Nam", "Bắc", "Hưng", "Thuận",
    "Phước", "Lộc", "Thịnh", "Vĩnh", "Quang", "Minh", "Hiệp", "Hải", "Sơn", "Trung",
]

TASKS = {
    "tuyen-truyen": (
        "Quán triệt, tuyên truyền các chủ trương của Đảng, chính sách pháp luật của Nhà nước về công tác dân vận",
        [
            "Tiếp tục quán triệt, triển khai thực hiện {cite}; các văn bản chỉ đạo của Trung ương, của tỉnh về công tác "
            "dân vận, dân chủ, dân tộc, tôn giáo đến toàn thể cán bộ, công chức, viên chức và người lao động của {unit}.",
            "Đổi mới nội dung, hình thức tuyên truyền phù hợp với từng đối tượng; tăng cường ứng dụng công nghệ thông tin, "
            "mạng xã hội trong tuyên truyền; kịp thời cung cấp thông tin chính thống, định hướng dư luận, đấu tranh phản bác "
            "các quan điểm sai trái, thù địch.",
        ],
    ),
    "the-che-hoa": (
        "Thể chế hóa, cụ thể hóa chủ trương của Đảng, chính sách pháp luật của Nhà nước về công tác dân vận",
        [
            "Cụ thể hóa {cite} thành chương trình, kế hoạch công tác năm {year} của {unit}, gắn với nhiệm vụ chính trị, "
            "các chương trình, đề án phát triển kinh tế - xã hội của địa phương.",
            "Thực hiện nghiêm {local}; rà soát, sửa đổi, bổ sung quy chế làm việc, quy chế phối hợp bảo đảm công khai, "
            "minh bạch, tạo điều kiện để Nhân dân tham gia xây dựng và giám sát việc thực hiện.",
        ],
    ),
    "dan-chu-co-so": (
        "Nâng cao hiệu quả thực hiện dân chủ ở cơ sở gắn với công tác dân vận chính quyền",
        [
            "Tiếp tục tuyên truyền, triển khai thực hiện có hiệu quả {cite}; thực hiện tốt phương châm “Dân biết, dân bàn, "
            "dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng”.",
            "Công khai, minh bạch các chủ trương, chính sách, chương trình, dự án; tổ chức hội nghị cán bộ, công chức, "
            "viên chức định kỳ; xem xét kết quả thực hiện dân chủ ở cơ sở làm căn cứ đánh giá, xếp loại tập thể và cá nhân.",
        ],
    ),
    "cai-cach-hanh-chinh": (
        "Đẩy mạnh cải cách hành chính; tăng cường kỷ luật, kỷ cương, đạo đức công vụ",
        [
            "Triển khai các nhiệm vụ cải cách hành chính theo {cite}; đẩy mạnh chuyển đổi số, xây dựng chính quyền điện tử, "
            "chính quyền số; nâng cao chỉ số hài lòng của người dân và doanh nghiệp.",
            "Tăng cường kỷ luật, kỷ cương, đạo đức công vụ, văn hóa công sở; kịp thời chấn chỉnh, xử lý nghiêm cán bộ, "
            "công chức có hành vi nhũng nhiễu, gây phiền hà cho người dân và doanh nghiệp.",
            "- Công khai đầy đủ thủ tục hành chính tại Bộ phận Một cửa\n- Giải quyết hồ sơ đúng hạn, không để trễ hẹn\n"
            "- Tiếp nhận, xử lý kịp thời phản ánh, kiến nghị về quy định hành chính",
        ],
    ),
    "tiep-cong-dan": (
        "Tăng cường tiếp xúc, đối thoại với Nhân dân; giải quyết kịp thời khiếu nại, tố cáo",
        [
            "Thực hiện nghiêm {cite}; người đứng đầu tiếp công dân định kỳ và đột xuất, đối thoại trực tiếp với Nhân dân "
            "để nắm bắt tâm tư, nguyện vọng, giải quyết kịp thời những vấn đề bức xúc ngay từ cơ sở.",
            "Tăng cường công tác hòa giải ở cơ sở, hạn chế đơn thư vượt cấp, khiếu kiện đông người, không để phát sinh "
            "điểm nóng về an ninh, trật tự trên địa bàn.",
        ],
    ),
    "dan-toc-ton-giao": (
        "Thực hiện tốt chính sách dân tộc, tôn giáo",
        [
            "Triển khai có hiệu quả {cite} và các chính sách dân tộc, tôn giáo trên địa bàn tỉnh {prov}; quan tâm "
            "chăm lo đời sống vật chất, tinh thần của đồng bào dân tộc thiểu số, đồng bào có đạo.",
            "Phát huy vai trò của người có uy tín, chức sắc, chức việc tôn giáo trong vận động Nhân dân chấp hành chủ "
            "trương, chính sách, pháp luật, xóa bỏ hủ tục lạc hậu.",
        ],
    ),
    "phoi-hop-mat-tran": (
        "Phối hợp với Ủy ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội",
        [
            "Thực hiện tốt quy chế phối hợp giữa chính quyền với Ủy ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội "
            "theo {cite}; tạo điều kiện để Mặt trận và các đoàn thể tham gia giám sát, phản biện xã hội.",
            "Tiếp thu, giải quyết kịp thời kiến nghị của Mặt trận, các đoàn thể và cử tri; phối hợp tổ chức các cuộc "
            "vận động, phong trào thi đua yêu nước.",
        ],
    ),
    "kiem-tra-giam-sat": (
        "Kiểm tra, giám sát việc thực hiện công tác dân vận chính quyền",
        [
            "Tăng cường kiểm tra, giám sát việc thực hiện {cite} và {local}; kịp thời phát hiện, chấn chỉnh những hạn chế, "
            "thiếu sót trong thực hiện công tác dân vận chính quyền.",
            "Định kỳ sơ kết, tổng kết, đánh giá, xếp loại kết quả thực hiện công tác dân vận chính quyền của các cơ quan, "
            "đơn vị; biểu dương, khen thưởng tập thể, cá nhân có thành tích tiêu biểu[^1].",
        ],
    ),
    "thi-dua-dan-van-kheo": (
        "Đẩy mạnh phong trào thi đua “Dân vận khéo”",
        [
            "Tiếp tục đẩy mạnh phong trào thi đua “Dân vận khéo” gắn với học tập và làm theo tư tưởng, đạo đức, phong cách "
            "Hồ Chí Minh theo {cite}; mỗi cơ quan, đơn vị đăng ký xây dựng ít nhất 01 mô hình “Dân vận khéo”.",
            "Theo dõi, hướng dẫn, đánh giá, công nhận và nhân rộng các mô hình, điển hình “Dân vận khéo” trên các lĩnh "
            "vực; kịp thời biểu dương, khen thưởng vào dịp cuối năm {year}.",
        ],
    ),
    "phat-trien-kinh-te-xa-hoi": (
        "Gắn công tác dân vận với thực hiện nhiệm vụ phát triển kinh tế - xã hội",
        [
            "Vận động Nhân dân tham gia thực hiện các chương trình mục tiêu quốc gia, xây dựng nông thôn mới, đô thị văn "
            "minh theo {cite}; huy động các nguồn lực xã hội hóa, bảo đảm công khai, minh bạch.",
            "Thực hiện tốt các chính sách an sinh xã hội, giảm nghèo bền vững; hỗ trợ người dân, doanh nghiệp phát triển "
            "sản xuất, kinh doanh trên địa bàn tỉnh {prov}.",
        ],
    ),
    "boi-duong-can-bo": (
        "Bồi dưỡng kỹ năng công tác dân vận cho đội ngũ cán bộ, công chức, viên chức",
        [
            "Tổ chức bồi dưỡng, tập huấn kỹ năng công tác dân vận cho cán bộ, công chức, viên chức theo {cite}; chú trọng "
            "kỹ năng tiếp dân, đối thoại, giải quyết kiến nghị của Nhân dân.",
            "Nâng cao tinh thần trách nhiệm, thái độ phục vụ Nhân dân của đội ngũ cán bộ, công chức; thực hiện nghiêm "
            "{local}.",
        ],
    ),
}

TARGETS = [
    ("100% cán bộ, công chức, viên chức được quán triệt các văn bản về công tác dân vận chính quyền.", "100%",
     "hằng năm", ["tuyen-truyen"], []),
    ("Cơ quan, đơn vị được đánh giá, xếp loại kết quả thực hiện công tác dân vận chính quyền loại “Tốt” trở lên.",
     "loại “Tốt”", "cuối năm", ["kiem-tra-giam-sat"], []),
    ("Đăng ký xây dựng từ 01 đến 02 mô hình “Dân vận khéo”.", "01-02 mô hình", "trong năm",
     ["thi-dua-dan-van-kheo"], ["dan-van-kheo"]),
    ("Tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn đạt trên 98%.", "trên 98%", "hằng năm",
     ["cai-cach-hanh-chinh"], []),
    ("100% đơn thư khiếu nại, tố cáo thuộc thẩm quyền được xem xét, giải quyết đúng quy định.", "100%",
     "hằng năm", ["tiep-cong-dan"], []),
]

PURPOSE = ("Tiếp tục triển khai thực hiện {cite}, các văn bản chỉ đạo của Trung ương, của tỉnh {prov} về công tác dân "
           "vận chính quyền; nâng cao nhận thức, trách nhiệm của cán bộ, công chức, viên chức của {unit}.")
REQUIREMENT = ("Công tác dân vận chính quyền phải bám sát sự chỉ đạo của cấp trên, gắn với nhiệm vụ chính trị của "
               "{unit}; phát huy vai trò, trách nhiệm của người đứng đầu.")
PREAMBLE = "Thực hiện {local}; {unit} xây dựng kế hoạch triển khai, thực hiện công tác dân vận chính quyền năm {year} như sau:"
CLOSING = "Trên đây là Kế hoạch triển khai, thực hiện công tác dân vận chính quyền năm {year} của {unit}./."
FOOTNOTE = "Theo Quy chế thi đua, khen thưởng hiện hành của tỉnh {prov}."

# Provincial documents: (type, number suffix, issuer prefix, theme, title).
LOCAL_DOCUMENTS = [
    ("ke-hoach", "KH-UBND", "ubnd", "tuyen-truyen",
     "Triển khai thực hiện công tác dân vận chính quyền trên địa bàn tỉnh {prov}"),
    ("quyet-dinh", "QĐ-UBND", "ubnd", "tiep-cong-dan",
     "Ban hành Quy chế tiếp công dân, đối thoại với Nhân dân trên địa bàn tỉnh {prov}"),
    ("chi-thi", "CT-UBND", "ubnd", "cai-cach-hanh-chinh",
     "Về tăng cường kỷ luật, kỷ cương hành chính trong cơ quan nhà nước tỉnh {prov}"),
    ("nghi-quyet", "NQ-HĐND", "hdnd", "dan-chu-co-so",
     "Quyết định các biện pháp bảo đảm thực hiện dân chủ ở cơ sở trên địa bàn tỉnh {prov}"),
    ("ke-hoach", "KH/TU", "tinh-uy", "tuyen-truyen",
     "Về tăng cường công tác dân vận của cơ quan nhà nước trên địa bàn tỉnh {prov}"),
    ("quy-che", "QC/TU", "tinh-uy", "phoi-hop-mat-tran",
     "Quy chế công tác dân vận của hệ thống chính trị tỉnh {prov}"),
]

RECIPIENTS = ["Ban Dân vận Tỉnh ủy (b/c)", "Sở Nội vụ (b/c)", "Lưu: VT."]
