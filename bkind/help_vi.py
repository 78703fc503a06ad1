"""The command line in Vietnamese: command and option help, and Typer/Click's own words
(Cách dùng:, Tùy chọn:, Lỗi: ...), chosen before Typer parses anything.

English help stays where it is written, beside each option in `cli.py`; the Vietnamese
is here, keyed by command and option name (a test checks every one has it). Typer
vendors Click without gettext, so its fixed English phrases are rewritten on their way
out: the help page (`Context.get_help`) and usage errors (`exceptions.echo`).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from bkind.i18n import LANGS, detect_lang

EXAMPLES = "\n\nVí dụ:\n\n"

COMMANDS: dict[str, str] = {
    "": "Theo dõi việc thực hiện nghị quyết phát triển của tỉnh so với số liệu thực tế."
        + EXAMPLES + "  bkind status\n\n  bkind status --format json --as-of 2023\n\n"
        "  bkind status --fail-on deterioration,missed",
    "status": "Tình hình thực hiện từng chỉ tiêu: kết quả mới nhất, chênh lệch, tốc độ còn "
              "cần đạt, đánh giá." + EXAMPLES + "  bkind status\n\n  bkind status --format "
              "json\n\n  bkind status --as-of 2023 --lang vi\n\n  bkind status --format csv "
              "--fail-on deterioration,missed > status.csv",
    "project": "Dự báo từng chỉ tiêu đến một năm: mức đạt được, có đạt mục tiêu không, năm "
               "đạt và tốc độ cần có." + EXAMPLES + "  bkind project --year 2030\n\n"
               "  bkind project --year 2030 --method last --format json\n\n"
               "  bkind project --year 2030 --assume industry_va=12% --assume grdp=7% --chart",
    "report": "Số liệu lũy kế của một tháng so với kế hoạch năm, kèm đánh giá các chỉ tiêu "
              "của Nghị quyết: báo cáo hằng tháng." + EXAMPLES + "  bkind report\n\n"
              "  bkind report --month 3/2025 --lang vi\n\n"
              "  bkind report --month 3/2025 --format html --output bao-cao.html\n\n"
              "  bkind report --format md --fail-on deterioration,missed > bao-cao.md",
    "history": "Mọi lần công bố số liệu của một chỉ tiêu (số, tình trạng, ngày công bố, "
               "nguồn) và mỗi lần điều chỉnh thay đổi những gì." + EXAMPLES +
               "  bkind history grdp_growth\n\n"
               "  bkind history state_budget_revenue --year 2022 --format json",
    "validate": "Kiểm tra toàn bộ thư mục dữ liệu: mọi lỗi cùng lúc (tệp:dòng: nội dung, mã "
                "thoát 2), rồi các cảnh báo không chặn (mã thoát 0): số tuyệt đối không khớp "
                "với tốc độ tăng đã công bố, số lũy kế không cộng dồn được, tỷ lệ % kế hoạch "
                "không khớp với kế hoạch và số lũy kế, số liệu không ghi nguồn, tỷ trọng khác "
                "với tử số / mẫu số (khác loại giá)." + EXAMPLES + "  bkind validate\n\n"
                "  bkind validate --workspace tinh-moi --format json",
    "ingest": "Nhập số liệu đã công bố từ tệp CSV hoặc XLSX vào actuals/YYYY.yaml. Tên cột "
              "bằng tiếng Việt hoặc tiếng Anh, không phân biệt hoa thường và dấu: Năm, Tháng "
              "(trống: số cả năm; 1-12: số lũy kế), Chỉ tiêu (mã hoặc tên), Giá trị, So cùng "
              "kỳ, % kế hoạch, Riêng tháng, Kế hoạch năm, Tình trạng, Ngày công bố, Nguồn, "
              "Ghi chú; dòng về cụm công nghiệp: Cụm, Tỷ lệ lấp đầy, Hoàn thành hạ tầng, Diện "
              "tích (ha). Mọi dòng được kiểm tra trước: một dòng sai hoặc mâu thuẫn với số đã "
              "lưu thì không ghi gì. Nhập lại cùng một tệp không thay đổi gì." + EXAMPLES +
              "  bkind ingest thang-3.csv --dry-run\n\n"
              "  bkind ingest so-lieu.xlsx --workspace tinh-moi",
    "template": "Tạo biểu mẫu trống để nhập số liệu một tháng: mỗi chỉ tiêu một dòng (mã, tên "
                "và đơn vị để đọc), đã ghi sẵn năm và tháng. Điền xong, dùng ingest để nhập; "
                "dòng để trống được bỏ qua." + EXAMPLES +
                "  bkind template --month 3/2025 --lang vi --output thang-3.csv\n\n"
                "  bkind template --month 3/2025 --format xlsx --output thang-3.xlsx",
    "init": "Tạo thư mục dữ liệu mới DIR: targets.yaml có chú thích, minh họa mọi loại chỉ "
            "tiêu và mọi phép so sánh, và actuals/ với một năm số liệu mẫu. DIR phải chưa có "
            "hoặc đang trống." + EXAMPLES + "  bkind init tinh-moi\n\n"
            "  bkind init tinh-moi && bkind validate --workspace tinh-moi",
    "review": "Tổng kết nghị quyết: kết quả từng năm của mỗi chỉ tiêu trong giai đoạn, kết "
              "quả đến thời hạn và đánh giá (vượt, đạt, không đạt, chưa đủ cơ sở đánh giá, "
              "hoặc đang thực hiện với chỉ tiêu chưa đến hạn), mỗi chỉ tiêu một câu nhận định "
              "và một câu tổng hợp." + EXAMPLES + "  bkind review --lang vi\n\n"
              "  bkind review --as-of 2024 --format json\n\n"
              "  bkind review --lang vi --format docx --output tong-ket.docx\n\n"
              "  bkind review --fail-on missed",
    "workspaces": "Các bộ dữ liệu kèm theo bkind: tên, nghị quyết, các năm có số liệu, số "
                  "chỉ tiêu, bộ dữ liệu kế tiếp và các tỉnh so sánh." + EXAMPLES +
                  "  bkind workspaces\n\n  bkind workspaces --format json\n\n"
                  "  bkind status --workspace thainguyen-2030",
    "compare": "So sánh các bộ dữ liệu: các chỉ tiêu chung (cùng cách đo, đơn vị và loại "
               "giá) trong năm gần nhất cùng có số liệu, và các cụm công nghiệp (từ danh sách "
               "hoặc từ số tổng hợp đã công bố). Chỉ tiêu không so sánh được thì chỉ liệt kê, "
               "không đặt cạnh nhau." + EXAMPLES +
               "  bkind compare --workspace backan-16 --with bacgiang\n\n"
               "  bkind compare -w thainguyen-2030 --with bacgiang --format json\n\n"
               "  bkind compare --with bacgiang --format html --output so-sanh.html --lang vi",
    "export": "Xuất toàn bộ số liệu của một bộ dữ liệu thành dữ liệu mở: một tệp CSV dạng dài "
              "(Year, Month, Metric, Unit, Prices, Status, Published, Source, Value) và "
              "datapackage.json theo chuẩn Frictionless." + EXAMPLES +
              "  bkind export --format datapackage --output du-lieu-mo\n\n"
              "  bkind export -w thainguyen-2030 --output tn-2030",
}

# option help by parameter name; "command.name" where a command means something else
OPTIONS: dict[str, str] = {
    "version": "Hiện phiên bản rồi thoát.",
    "workspace": "Thư mục dữ liệu (targets.yaml + actuals/). Mặc định: $BKIND_WORKSPACE, thư "
                 "mục hiện tại nếu có targets.yaml, nếu không thì bộ dữ liệu Bắc Kạn kèm theo.",
    "fmt": "Định dạng đầu ra (docx và xlsx: văn bản Word, Excel, cùng với --output). Mặc "
           "định: theo đuôi tên tệp --output (.docx .xlsx .html .md .csv .json), nếu không "
           "thì bảng.",
    "lang": "Ngôn ngữ hiển thị: vi hoặc en. Mặc định: $BKIND_LANG, rồi theo locale "
            "(LANG=vi_* là vi), nếu không thì en.",
    "as_of": "Đánh giá như thể chỉ có số liệu đến năm này.",
    "status.sources": "Liệt kê nguồn của từng số liệu dưới bảng (luôn có trong md, html và "
                      "văn bản).",
    "fail_on": "Thoát với mã 1 khi có chỉ tiêu mang một trong các đánh giá này (cách nhau "
               "bằng dấu phẩy: achieved, on_track, acceleration_needed, limited_progress, "
               "deterioration, missed, insufficient_data).",
    "output": "Ghi ra TỆP (chỉ khi thành công, qua tệp tạm) thay vì ra màn hình.",
    "project.year": "Dự báo đến năm này (bắt buộc).",
    "method": "trend: giữ tốc độ tăng từ năm gốc; last: giữ tốc độ tăng của năm gần nhất.",
    "assume": "CHỈ_TIÊU=GIÁ_TRỊ: cố định tốc độ tăng hằng năm của một chỉ tiêu, ví dụ "
              "grdp=7% (dùng được nhiều lần).",
    "chart": "Vẽ biểu đồ diễn biến từng chỉ tiêu (chỉ trên màn hình, --format table).",
    "month": "Tháng: 3/2025 hoặc 2025-03.",
    "report.month": "Tháng: 3/2025 hoặc 2025-03. Mặc định: tháng gần nhất có số liệu lũy kế.",
    "metric": "Mã chỉ tiêu, như khai báo trong targets.yaml.",
    "history.year": "Chỉ năm này.",
    "file": "Tệp .csv hoặc .xlsx.",
    "decimal_comma": "Đọc số kiểu Việt Nam: 2.023,72 và 13,2%. Mặc định: xác định theo các "
                     "số trong tệp.",
    "decimal_point": "Đọc số kiểu 2,023.72 và 13.2%.",
    "replace": "Ghi đè số đã lưu có cùng chỉ tiêu, năm và ngày công bố (thay vì từ chối).",
    "dry_run": "Hiện các thay đổi (và phần khác biệt) mà không ghi.",
    "template.fmt": "csv hoặc xlsx. Mặc định: theo tên tệp đầu ra, nếu không thì csv.",
    "init.source": "Bắt đầu từ bản sao của thư mục dữ liệu có sẵn này (xem bkind "
                   "workspaces).",
    "folder": "Thư mục dữ liệu mới.",
    "with_": "Bộ dữ liệu khác để so sánh (thư mục hoặc tên kèm theo); dùng được nhiều lần. "
             "Mặc định: các tỉnh so sánh khai báo trong resolution: peers:.",
    "export.output": "Thư mục để ghi (tạo mới nếu chưa có).",
    "export.fmt": "Định dạng xuất.",
}

def _no_such_option(m: re.Match[str]) -> str:
    text = f"Không có tùy chọn {m.group(1)}"
    return text + (f". Có phải ý bạn là {m.group(2)}?" if m.group(2) else "")


def _not_one_of(m: re.Match[str]) -> str:
    import difflib

    choices = re.findall(r"'([^']*)'", m.group(2))
    close = difflib.get_close_matches(m.group(1), choices, n=1, cutoff=0.5)
    text = f"'{m.group(1)}' không phải một trong các giá trị {m.group(2)}."
    return text + (f" Có phải ý bạn là '{close[0]}'?" if close else "")


Replacement = str | Callable[[re.Match[str]], str]

# Typer/Click's fixed phrases, as GLOSSARY.md words them
_PHRASES: list[tuple[str, Replacement]] = [
    (r"^Usage: ", "Cách dùng: "),
    (r"^Options:$", "Tùy chọn:"),
    (r"^Arguments:$", "Tham số:"),
    (r"^Commands:$", "Lệnh:"),
    (r"\[OPTIONS\]", "[TÙY_CHỌN]"),
    (r"COMMAND \[ARGS\]\.\.\.", "LỆNH [THAM_SỐ]..."),
    (r"Show this message and exit\.", "Hiện hướng dẫn này rồi thoát."),
    (r"\[default: ([^\]]*)\]", r"[mặc định: \1]"),
    (r"\[required\]", "[bắt buộc]"),
    (r"^Try '(.+?)' for help\.$", r"Xem hướng dẫn: '\1'."),
    (r"^Error: ", "Lỗi: "),
    (r"No such option: (\S+?) \(Possible options: (.+?)\)$",
     r"Không có tùy chọn \1. Có phải ý bạn là: \2?"),
    (r"No such option: (\S+?)(?: Did you mean (\S+?)\?)?$", _no_such_option),
    (r"\.? Did you mean (.+?)\?$", r". Có phải ý bạn là \1?"),
    (r"^Aborted!$", "Đã hủy."),
    (r"No such command '(.+?)'\.", r"Không có lệnh '\1'."),
    (r"Missing argument '(.+?)'\.", r"Thiếu tham số '\1'."),
    (r"Missing option '(.+?)'\.", r"Thiếu tùy chọn '\1'."),
    (r"Option '(.+?)' requires an argument\.", r"Tùy chọn '\1' cần một giá trị."),
    (r"Option '(.+?)' does not take a value\.", r"Tùy chọn '\1' không nhận giá trị."),
    (r"Got unexpected extra argument(?:s|\(s\))? \((.*)\)", r"Thừa tham số: \1"),
    (r"Invalid value for (.+?): ", r"Giá trị không hợp lệ cho \1: "),
    (r"Invalid value: ", "Giá trị không hợp lệ: "),
    (r"'([^']*)' is not one of (.+)\.$", lambda m: _not_one_of(m)),
    (r"'(.*?)' is not a valid (?:int|integer)\.", r"'\1' không phải số nguyên."),
    (r"'(.*?)' is not a valid float\.", r"'\1' không phải là số."),
]
PHRASES: list[tuple[re.Pattern[str], Replacement]] = []  # compiled on first use


def translate(text: str) -> str:
    """Typer/Click's English phrases in `text`, in Vietnamese."""
    if not PHRASES:  # only a Vietnamese help page or error needs them
        PHRASES.extend((re.compile(p, re.M), r) for p, r in _PHRASES)
    for pattern, repl in PHRASES:
        text = pattern.sub(repl, text)
    return text


def lang_from_argv(argv: Sequence[str], env: Mapping[str, str]) -> str:
    """The language asked for, read before Typer parses: --lang X / --lang=X, then
    BKIND_LANG and the locale; English when it is not one bkind speaks."""
    option = None
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(argv):
            option = argv[i + 1]
        elif arg.startswith("--lang="):
            option = arg.split("=", 1)[1]
    lang = detect_lang(option, env)
    return lang if lang in LANGS else "en"


_state = {"lang": "en", "installed": False}


def _install() -> None:
    """Wrap Typer's help page and usage-error output once; they translate when the
    chosen language is Vietnamese."""
    if _state["installed"]:
        return
    from typer._click import core, exceptions

    get_help: Callable[..., str] = core.Context.get_help
    echo: Callable[..., Any] = getattr(exceptions, "echo")  # noqa: B009

    def help_in_lang(self: Any) -> str:
        text = get_help(self)
        return translate(text) if _state["lang"] == "vi" else text

    def echo_in_lang(message: Any = None, *args: Any, **kwargs: Any) -> Any:
        if _state["lang"] == "vi" and isinstance(message, str):
            message = translate(message)
        return echo(message, *args, **kwargs)

    core.Context.get_help = help_in_lang  # type: ignore[method-assign]
    setattr(exceptions, "echo", echo_in_lang)  # noqa: B010
    _state["installed"] = True


def localize(group: Any, lang: str) -> Any:
    """The click command built from the Typer app, with help in `lang`."""
    _install()
    _state["lang"] = lang
    if lang != "vi":
        return group
    group.help = COMMANDS[""]
    for param in group.params:
        if param.name in OPTIONS:
            param.help = OPTIONS[param.name]
    for name, command in group.commands.items():
        command.help = COMMANDS.get(name, command.help)
        command.short_help = None
        for param in command.params:
            text = OPTIONS.get(f"{name}.{param.name}") or OPTIONS.get(param.name)
            if text is not None:
                param.help = text
    return group


def run(app: Any, argv: Sequence[str] | None = None,
        env: Mapping[str, str] | None = None) -> None:
    """Build the click command, in the language asked for, and run it."""
    import sys

    import typer.main

    args = list(sys.argv[1:] if argv is None else argv)
    environ = os.environ if env is None else env
    lang = lang_from_argv(args, environ)
    # `bkind --lang vi status`, `bkind --help --lang vi`: a --lang before the command
    # counts for the whole run
    for i, arg in enumerate(args):
        if not arg.startswith("-"):
            break
        if arg == "--lang" and i + 1 < len(args) or arg.startswith("--lang="):
            value = args[i + 1] if arg == "--lang" else arg.split("=", 1)[1]
            del args[i:i + (2 if arg == "--lang" else 1)]
            os.environ["BKIND_LANG"] = value
            break
    localize(typer.main.get_command(_only_the_command_run(app, args)), lang)(
        args=args, prog_name="bkind")


def _only_the_command_run(app: Any, args: list[str]) -> Any:
    """The app with only the command this run invokes, when argv names one: building
    every command's options costs start-up time (a millisecond or so each), and a run
    uses one. `bkind --help`, or no command, gets them all."""
    import copy

    from typer.main import get_command_name

    wanted = next((a for a in args if not a.startswith("-")), None)
    if wanted is None or any(a in ("--help", "--version") for a in args[:args.index(wanted)]):
        return app
    chosen = [c for c in app.registered_commands
              if (c.name or get_command_name(c.callback.__name__)) == wanted]
    if not chosen:
        return app  # an unknown command: Typer lists the known ones
    only = copy.copy(app)
    only.registered_commands = chosen
    return only
