"""The message catalogue: every sentence a user reads, in Chinese and in English.

MESSAGES holds the diagnostics by code: codes are stable; users look them up and
CI filters on them, and each text says what is wrong and how to fix it. PROBLEMS
holds what stops a command (exit 2), WORDS everything else (help, summaries,
diff's sentences, the pieces messages are made of). Code never holds a sentence:
it names one here, with its parameters, and the words are chosen in the reader's
language only when shown (`phrase` now, `say` when shown; a Phrase may be a
parameter of a diagnostic or of another phrase).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

# code -> (title, zh, en). Templates use str.format with named parameters.
MESSAGES: dict[str, tuple[str, str, str]] = {
    # --- reading the file (JXS0xx) ---
    "JXS001": (
        "encoding",
        "文件编码是 {encoding}，不是 UTF-8。请用记事本“另存为”，编码选“UTF-8”后保存（或运行 jxs fix --write 自动转换）。",
        "The file is encoded as {encoding}, not UTF-8. Re-save it as UTF-8 (Notepad: Save As, Encoding UTF-8) or run jxs fix --write.",
    ),
    "JXS002": (
        "yaml-syntax",
        "YAML 格式错误：{problem}。",
        "YAML syntax error: {problem}.",
    ),
    "JXS003": (
        "fullwidth-colon",
        "“{key}”后面用了中文冒号“：”。键名后必须用英文冒号加空格，例如“{key}: 值”。",
        "A full-width colon follows '{key}'. Keys need an ASCII colon and a space, e.g. '{key}: value'.",
    ),
    "JXS004": (
        "fullwidth-space",
        "缩进里有全角空格（中文输入法下的空格）。YAML 只能用半角空格缩进：{how}。",
        "The indentation contains a full-width space (U+3000); YAML is indented with ASCII spaces: {how}.",
    ),
    "JXS005": (
        "tab",
        "缩进里有制表符（Tab 键）。YAML 只能用空格缩进：{how}。",
        "The indentation contains a tab; YAML is indented with spaces only: {how}.",
    ),
    "JXS006": (
        "duplicate-key",
        "键“{key}”重复出现（第一次在第 {first_line} 行）。{hint}",
        "The key '{key}' appears twice (first at line {first_line}). {hint}",
    ),
    "JXS007": (
        "alias-bomb",
        "YAML 锚点/别名（& 和 *）展开后过大（超过 {limit} 个节点）。目录文件不需要别名，请直接写出内容。",
        "YAML anchors/aliases (& and *) expand beyond {limit} nodes. Catalog files need no aliases: write the content out.",
    ),
    "JXS008": (
        "too-deep",
        "嵌套层级过深（超过 {limit} 层）。目录文件最多只有几层，请检查缩进或括号是否写错。",
        "Nesting is deeper than {limit} levels. Catalog files have only a few levels: check the indentation and brackets.",
    ),
    "JXS009": (
        "empty-file",
        "文件是空的。请按示例填写，至少包含“name:”。",
        "The file is empty. Fill it in following the example; it needs at least 'name:'.",
    ),
    "JXS010": (
        "not-a-mapping",
        "文件的最外层应当是“键: 值”的形式（例如“name: 涉农补贴”），现在是{found}。",
        "The top level of the file must be 'key: value' pairs (e.g. 'name: ...'), not {found}.",
    ),
    "JXS011": (
        "binary",
        "文件里有不可见的控制字符或空字节（{what}），像是二进制文件或已损坏。请用文本编辑器重新保存为 UTF-8 文本。",
        "The file contains control characters or NUL bytes ({what}); it looks binary or damaged. Re-save it as UTF-8 text.",
    ),
    "JXS012": (
        "too-large",
        "文件太大（{size}），超过 {limit} 的上限。一个领域或乡镇的目录不会这么大，请检查是否选错了文件。",
        "The file is too large ({size}, limit {limit}). A catalog file is never this large: check the file.",
    ),
    "JXS013": (
        "unreadable",
        "无法读取：{reason}。",
        "Cannot read: {reason}.",
    ),
    "JXS014": (
        "bad-file-id",
        "文件名“{stem}”不能作为编号。文件名只能用小写英文字母、数字和“-”，例如“shenong-butie.yaml”。",
        "The file name '{stem}' cannot serve as an id: use lowercase ASCII letters, digits and '-', e.g. 'shenong-butie.yaml'.",
    ),
    "JXS015": (
        "not-yaml",
        "“{name}”的文件名不以小写的 .yaml 结尾，检查和生成整个工作区时不会读取它。{hint}",
        "'{name}' does not end in a lowercase .yaml, so whole-workspace checks and builds do not read it. {hint}",
    ),
    "JXS016": (
        "link-outside",
        "这个文件是符号链接，指向工作区以外的位置，jxs 不读取它。请把文件本身复制到工作区里。",
        "This file is a symbolic link to a place outside the workspace; jxs does not read it. Copy the file itself "
        "into the workspace.",
    ),
    "JXS017": (
        "not-a-regular-file",
        "这不是普通文件（是设备、管道或套接字），jxs 不读取它。请换成普通的 .yaml 文本文件。",
        "This is not a regular file (a device, a pipe or a socket); jxs does not read it. Use a plain .yaml text file.",
    ),
    "JXS018": (
        "mixed-encoding",
        "文件混用了两种编码：第 {lines} 行不是 UTF-8（像是 GBK），其余各行是 UTF-8。jxs 不猜测，不会自动转换；"
        "请在编辑器里重新输入这些行，整个文件保存为 UTF-8。",
        "The file mixes two encodings: line(s) {lines} are not UTF-8 (GBK, probably), the rest is UTF-8. jxs does not "
        "guess and will not convert it; retype those lines and save the whole file as UTF-8.",
    ),
    "JXS030": (
        "dash-without-space",
        "“-{key}”的短横线后要空一格：写成“- {key}: …”。",
        "Put a space after the dash: '- {key}: ...'.",
    ),
    "JXS031": (
        "colon-without-space",
        "“{key}:”后面要空一格：冒号和值之间加一个空格，写成“{key}: …”。",
        "Put a space after '{key}:', e.g. '{key}: value'.",
    ),
    "JXS019": (
        "template-error",
        "网站模板有错误，没有生成任何文件：{problem}。请改正模板的这一行，或删除这个模板改用 jxs 自带的。",
        "A site template has an error, nothing was written: {problem}. Correct this line of the template, or "
        "delete it to use jxs's own.",
    ),
    "JXS020": (
        "text-too-long",
        "这段文字有 {length} 个字符，超过了 Excel 单元格最多 {limit} 个字符的上限，生成的工作簿会截断它。请缩短，或把全文放到链接的文件中。",
        "This text has {length} characters, more than the {limit} an Excel cell holds; the workbook would cut it. "
        "Shorten it, or put the full text in a linked document.",
    ),
    # --- keys and values (JXS1xx) ---
    "JXS101": (
        "unknown-key",
        "不认识的键“{key}”。{hint}",
        "Unknown key '{key}'. {hint}",
    ),
    "JXS102": (
        "missing-key",
        "缺少必填项：{keys}。请在这一条下面补上，例如“{first}: …”。",
        "Required keys are missing: {keys}. Add them here, e.g. '{first}: ...'.",
    ),
    "JXS103": (
        "two-spellings",
        "“{key}”和“{other}”是同一个键的两种写法，同一条里只能写一种。请删除其中一个。",
        "'{key}' and '{other}' are two spellings of one key; use only one in the same entry.",
    ),
    "JXS104": (
        "expected-text",
        "“{key}”应当是一段文字，现在是{found}。{hint}",
        "'{key}' must be text, not {found}. {hint}",
    ),
    "JXS105": (
        "expected-list",
        "“{key}”应当是列表（每项一行，以“- ”开头，或写成 [甲, 乙]），现在是{found}。",
        "'{key}' must be a list (one entry per line starting with '- ', or [a, b]), not {found}.",
    ),
    "JXS106": (
        "empty-value",
        "“{key}”没有填写实际内容（{value}）。请填写真实内容，不要留空或用“待定”“TODO”之类占位。",
        "'{key}' has no real value ({value}). Fill it in; blanks and placeholders such as TODO do not count.",
    ),
    "JXS107": (
        "not-in-vocabulary",
        "“{key}”的值“{value}”不在可选范围内。{hint}可选：{choices}。",
        "'{value}' is not an allowed value of '{key}'. {hint}Allowed: {choices}.",
    ),
    "JXS108": (
        "expected-mapping",
        "“{key}”下面应当是“键: 值”的形式，现在是{found}。",
        "'{key}' must hold 'key: value' pairs, not {found}.",
    ),
    "JXS109": (
        "reason-required",
        "公开方式只有“依申请”，必须写明不主动公开的理由，例如在这一条里加上“{reason}: 涉及个人隐私”。",
        "The method is only 依申请 (on application): add '{reason}: ...' saying why it is not published proactively.",
    ),
    "JXS110": (
        "duplicate-item",
        "事项“{category} / {name}”在本文件中重复（第一次在第 {first_line} 行）。同一领域内一级事项和二级事项的组合不能重复。",
        "The item '{category} / {name}' appears twice in this file (first at line {first_line}).",
    ),
    "JXS111": (
        "bad-code",
        "区划代码“{value}”应为 {digits} 位数字{extra}。",
        "The division code '{value}' must be {digits} digits{extra}.",
    ),
    "JXS112": (
        "bad-date",
        "日期“{value}”{problem}。",
        "The date '{value}' {problem}.",
    ),
    "JXS113": (
        "adjustment-target-missing",
        "{what}“{target}”不存在。{hint}",
        "{what} '{target}' does not exist. {hint}",
    ),
    "JXS114": (
        "changed-levels-drop-township",
        "调整后的公开层级必须包含“乡级”；要从本乡目录中去掉该事项，请写在 exclusions（排除）里并说明理由。",
        "Changed levels must keep 乡级; to drop the item, write an exclusion with a reason.",
    ),
    "JXS115": (
        "addition-level",
        "乡镇新增的事项“{name}”的公开层级必须包含“乡级”（可再加“村级”），不能是{levels}。",
        "The township's own item '{name}' must have 乡级 among its levels (村级 may be added), not {levels}.",
    ),
    "JXS116": (
        "village-needs-township",
        "事项“{name}”有“村级”却没有“乡级”。村级公开清单随乡镇目录下发，请在公开层级中加上“乡级”。",
        "The item '{name}' has 村级 but not 乡级: village lists come with the township catalog, add 乡级.",
    ),
    "JXS117": (
        "bad-text",
        "“{key}”里有{what}，请删除。",
        "'{key}' contains {what}; remove it.",
    ),
    "JXS118": (
        "bad-link",
        "“{key}”的网址“{value}”不对：应当是以 http:// 或 https:// 开头的完整网址，例如“https://www.example.gov.cn/xxgk/”。",
        "The address '{value}' in '{key}' must be a full URL starting with http:// or https://, e.g. 'https://www.example.gov.cn/xxgk/'.",
    ),
    "JXS119": (
        "invalid",
        "“{key}”的值不正确：{problem}",
        "'{key}' is not valid: {problem}",
    ),
    "JXS120": (
        "duplicate-domain",
        "领域“{name}”已在 {other} 中定义。每个领域只能有一个文件，请合并。",
        "The domain '{name}' is already defined in {other}. Keep one file per domain.",
    ),
    "JXS121": (
        "duplicate-township",
        "乡镇“{name}”已在 {other} 中定义。每个乡镇只能有一个文件，请合并。",
        "The township '{name}' is already defined in {other}. Keep one file per township.",
    ),
    "JXS122": (
        "no-workspace-config",
        "缺少 jxs.yaml（全县设置）。请在工作区根目录运行 jxs init 或从示例复制一份。",
        "jxs.yaml (the county settings) is missing. Run jxs init or copy one from the example.",
    ),
    "JXS123": (
        "duplicate-village",
        "村（社区）“{name}”在本乡镇重复列出（第一次在第 {first_line} 行）。",
        "The village '{name}' is listed twice in this township (first at line {first_line}).",
    ),
    "JXS124": (
        "applies-to-without-village",
        "事项“{name}”写了 applies_to（适用于），但公开层级没有“村级”。applies_to 只说明村级事项适用于村还是社区，"
        "请在公开层级中加上“村级”，或删去 applies_to。",
        "The item '{name}' has applies_to but not 村级 among its levels: applies_to only says whether a 村级 item "
        "concerns 村 or 社区. Add 村级 or remove applies_to.",
    ),
    "JXS125": (
        "village-kind-name",
        "“{name}”的类型写成了“{kind}”，但名称看起来是{looks}。请核对 kind（类型）：村民委员会写“村”，社区居民委员会写“社区”。",
        "'{name}' is given the kind {kind} but its name looks like a {looks}. Check 'kind': 村 for a 村民委员会, "
        "社区 for a 居民委员会.",
    ),
    "JXS130": (
        "several-values-in-one",
        "“{key}”的一个值里写了好几项：“{value}”。{how}",
        "'{value}' holds several values of '{key}': {how}",
    ),
    "JXS131": (
        "variant-spelling",
        "“{value}”不是标准写法，已按“{standard}”处理。请改成“{standard}”，或运行 jxs fix --write 自动改正。",
        "'{value}' is a variant spelling, read as '{standard}'. Write '{standard}', or run jxs fix --write.",
    ),
    "JXS132": (
        "two-citations-in-one",
        "这一条“{key}”里有两个文件名：{first} 和 {second}，像是两条依据连在了一起（少了“- ”）。"
        "每条依据单独一行，以“- ”开头。",
        "This '{key}' entry names two documents, {first} and {second}: probably two entries run together "
        "(a missing '- '). Write each on its own line starting with '- '.",
    ),
    "JXS126": (
        "addition-duplicates-standard",
        "新增事项“{category} / {name}”与县级标准中已有的事项重名。要修改已有事项，请写在 changes（调整）里。",
        "The addition '{category} / {name}' duplicates a standard item; use a change instead.",
    ),
    "JXS127": (
        "ambiguous-item",
        "事项“{item}”在{domain}的多个一级事项（{categories}）下都有，请加上 category（一级事项）指明是哪一个。",
        "'{item}' exists under several categories of {domain} ({categories}); add 'category'.",
    ),
    # --- whole-workspace checks (JXS2xx) ---
    "JXS201": (
        "domain-unaccounted",
        "{township} 没有交代试点领域“{domain}”：该领域没有乡级事项，也没有排除。请在 exclusions 中写明排除理由，或在县级标准中为该领域增加乡级事项。",
        "{township} does not account for the pilot domain {domain}: it has no township items and no exclusion with a reason.",
    ),
    "JXS202": (
        "pilot-domain-missing",
        "缺少试点领域“{domain}”的目录文件。26 个试点领域每个都要有一个 domains/ 下的文件。",
        "The pilot domain {domain} has no file in domains/. Each of the 26 pilot domains needs one.",
    ),
    "JXS203": (
        "level-without-items",
        "领域“{domain}”声明了公开层级“{level}”，但没有任何事项的层级包含它。",
        "The domain {domain} claims the level {level} but has no item at that level.",
    ),
    "JXS205": (
        "matter-defined-twice",
        "事项“{name}”在“{other}”中已有定义（{other_path}）。同一事项不要在两个领域重复定义，请保留一处。",
        "The item '{name}' is also defined in {other} ({other_path}). Define each matter once.",
    ),
    "JXS206": (
        "foreign-name",
        "这里出现了“{found}”，它不是{owner}。这可能是从别的{kind}目录复制来的内容，请改成本{kind}的名称。",
        "'{found}' appears here but is not {owner}: probably copied from another {kind}'s catalog.",
    ),
    "JXS207": (
        "code-outside-county",
        "区划代码“{value}”不属于本县（应以 {county_code} 开头）。",
        "The code '{value}' is not inside the county (it must start with {county_code}).",
    ),
    "JXS208": (
        "duplicate-code",
        "区划代码“{value}”与 {other} 重复。每个乡镇的代码是唯一的。",
        "The code '{value}' is also used by {other}. Codes are unique.",
    ),
    "JXS213": (
        "village-code-outside-township",
        "村（社区）“{name}”的区划代码“{value}”不属于{township}（应以 {prefix} 开头）。请对照统计用区划代码核对。",
        "The code '{value}' of '{name}' is not inside {township} (it must start with {prefix}). Check it against "
        "the statistical division codes.",
    ),
    "JXS214": (
        "duplicate-village-code",
        "村（社区）“{name}”的区划代码“{value}”已用于 {other}。每个村（社区）的代码在全县是唯一的。",
        "The code '{value}' of '{name}' is also used by {other}. Village codes are unique in the county.",
    ),
    "JXS209": (
        "review-stale",
        "上次审核日期是 {reviewed}，已超过一年。请按年度复核本目录，核对后更新 reviewed。",
        "Last reviewed on {reviewed}, more than a year ago. Review the catalog yearly and update 'reviewed'.",
    ),
    "JXS210": (
        "review-missing",
        "没有填写审核日期 reviewed。请写上最近一次核对本目录的日期，例如 reviewed: \"2026-01-31\"。",
        "No review date: add reviewed: \"YYYY-MM-DD\", the day this catalog was last checked.",
    ),
    "JXS211": (
        "element-missing-after-merge",
        "合并后{catalog}中的事项“{name}”缺少要素“{element}”。",
        "After merging, the item '{name}' in {catalog} lacks the element {element}.",
    ),
    "JXS212": (
        "review-in-future",
        "审核日期 {reviewed} 晚于今天，请核对。",
        "The review date {reviewed} lies in the future.",
    ),
    # --- import (JXS4xx) ---
    "JXS401": (
        "no-header",
        "在工作表“{sheet}”中找不到目录表头（需要“公开事项”“公开内容”“公开依据”“公开时限”等列）。",
        "No catalog header (公开事项, 公开内容, 公开依据, 公开时限 …) found in sheet '{sheet}'.",
    ),
    "JXS403": (
        "xls-format",
        "这是旧版 Excel（.xls）文件，当前环境无法直接读取。请用 Excel 或 WPS 打开后“另存为”Excel 工作簿（.xlsx），"
        "或运行 libreoffice --headless --convert-to xlsx {file}，再导入得到的 .xlsx 文件（也可以先 pip install xlrd）。",
        "This is an old Excel (.xls) file, which cannot be read here. Open it in Excel or WPS and save it as an Excel "
        "workbook (.xlsx), or run libreoffice --headless --convert-to xlsx {file}, then import the .xlsx "
        "(or pip install xlrd first).",
    ),
    "JXS417": (
        "import-needs-folder",
        "工作簿中有 {count} 个领域的目录表，请用 -o 指定一个文件夹，每个领域写成一个文件。",
        "The workbook holds {count} domain tables: give -o FOLDER to write one file per domain.",
    ),
    "JXS418": (
        "sheet-too-large",
        "工作表“{sheet}”的使用范围太大（{rows} 行 × {columns} 列；上限 {max_rows} 行、{max_columns} 列、共 {max_cells} 个单元格），"
        "没有导入。请删除表格以外远处的内容（例如在最后一格误输入的字符），或把目录复制到新工作表后再导入。",
        "The sheet '{sheet}' uses too large a range ({rows} rows × {columns} columns; the limits are {max_rows} rows, "
        "{max_columns} columns, {max_cells} cells in all) and was not imported. Delete stray content far from the "
        "table, or copy the catalog to a new sheet and import that.",
    ),
    "JXS404": (
        "no-such-sheet",
        "工作簿里没有名为“{sheet}”的工作表。现有工作表：{sheets}。",
        "The workbook has no sheet named '{sheet}'. Its sheets: {sheets}.",
    ),
    "JXS405": (
        "no-catalog",
        "工作簿里没有找到目录表（需要“公开事项”“公开内容”“公开依据”等表头）。已查看的工作表：{sheets}。",
        "No catalog table (with headers such as 公开事项, 公开内容, 公开依据) found. Sheets looked at: {sheets}.",
    ),
    "JXS406": (
        "unknown-channel",
        "{cell}：公开渠道“{value}”不在标准清单中，已原样保留。{hint}如果这是本县增加的渠道，请把它写进 jxs.yaml 的 channels。",
        "{cell}: the channel '{value}' is not in the standard list and was kept as written. {hint}"
        "If the county uses it, add it to channels in jxs.yaml.",
    ),
    "JXS407": (
        "unknown-mark",
        "{cell}：“{value}”不是可识别的标记（“{column}”一栏应打“√”或留空），已按未勾选处理，请核对。",
        "{cell}: '{value}' is not a mark ('{column}' takes a tick such as √ or nothing); read as unticked, please check.",
    ),
    "JXS408": (
        "no-mark",
        "{cell}：{what}的几栏都没有打“√”，无法确定{what}。请在导入的文件中为这一条补上“{key}”。",
        "{cell}: none of the {what} columns is ticked. Add '{key}' to this item in the imported file.",
    ),
    "JXS409": (
        "no-name",
        "{cell}：这一行有内容，但“{column}”是空的，无法确定事项名称。请在导入的文件中补上“name”。",
        "{cell}: this row has content but '{column}' is empty, so the item has no name. Add 'name' in the imported file.",
    ),
    "JXS410": (
        "same-as-above-first",
        "{cell}：写了“同上”，但上面没有可以沿用的内容，已按空白处理。",
        "{cell}: says 同上 (same as above) but there is nothing above it; read as empty.",
    ),
    "JXS411": (
        "not-a-workbook",
        "无法导入：{reason}。",
        "Cannot import: {reason}.",
    ),
    "JXS412": (
        "remark-as-reason",
        "{cell}：公开方式只有“依申请”，备注“{value}”已作为不主动公开的理由（reason）导入，请核对。",
        "{cell}: the method is only 依申请, so the remark '{value}' was imported as the reason (reason); please check.",
    ),
    "JXS413": (
        "missing-columns",
        "{cell}：表头里没有{columns}列，导入的事项将缺少这些要素，请在导入的文件中补上。",
        "{cell}: the header has no column for {columns}; the imported items lack these elements, add them.",
    ),
    "JXS414": (
        "level-not-supported",
        "{cell}：公开层级“{level}”不是县级、乡级、村级之一，这一栏的标记已忽略。",
        "{cell}: the level '{level}' is not one of 县级, 乡级, 村级; ticks in this column were ignored.",
    ),
    "JXS415": (
        "unknown-text",
        "{cell}：“{column}”一栏中的“{value}”无法识别，已忽略，请核对。",
        "{cell}: '{value}' in the column '{column}' was not understood and was ignored; please check.",
    ),
    "JXS416": (
        "empty-table",
        "{cell}：表头下面没有任何事项，这张表未导入。",
        "{cell}: there are no items under this header; the table was not imported.",
    ),
    # --- the register of cited documents, bases.yaml (JXS5xx) ---
    "JXS501": (
        "document-registered-twice",
        "《{title}》在 bases.yaml 中重复登记（第一次在第 {first_line} 行）。每份文件只登记一次，请合并这两条。",
        "《{title}》 is registered twice in bases.yaml (first at line {first_line}). Merge the two entries.",
    ),
    "JXS502": (
        "unknown-replacement",
        "替代文件《{title}》没有在 bases.yaml 中登记（或就是本文件）。请先登记替代文件，再在 replaced_by 写它的标题。",
        "The replacing document 《{title}》 is not registered in bases.yaml (or is this document). "
        "Register it first, then give its title in replaced_by.",
    ),
    "JXS503": (
        "unregistered-document",
        "《{title}》不在 bases.yaml 中。{hint}请核对标题，或在 bases.yaml 登记这份文件（标题、文号、状态）。",
        "《{title}》 is not in bases.yaml. {hint}Check the title, or register the document (title, number, status).",
    ),
    "JXS504": (
        "number-mismatch",
        "《{title}》的文号写作“{written}”，与 bases.yaml 登记的“{registered}”不一致。请核对后改正其中一处。",
        "《{title}》 is cited as '{written}', but bases.yaml registers '{registered}'. Correct one of them.",
    ),
    "JXS505": (
        "document-not-in-force",
        "引用的《{title}》{status}。{replacement}",
        "The cited 《{title}》 is {status}. {replacement}",
    ),
    "JXS506": (
        "document-expired",
        "引用的《{title}》有效期至 {valid_until}，已过期。{replacement}",
        "The cited 《{title}》 was valid until {valid_until} and has expired. {replacement}",
    ),
    "JXS507": (
        "imported-unregistered",
        "导入的目录引用了 {count} 份 bases.yaml 中没有登记的文件：{titles}。请核对标题，或把它们登记到 bases.yaml。",
        "The imported catalog cites {count} documents that bases.yaml does not register: {titles}. "
        "Check the titles or register them.",
    ),
}

# Problems of the command line or the environment (exit 2), by kind; {detail} names the path.
PROBLEMS: dict[str, tuple[str, str]] = {
    "no-workspace": (
        "在 {detail} 及其上级目录中找不到 jxs.yaml。请进入工作区目录，或用 --root 指定，或运行 jxs init 新建。",
        "No jxs.yaml in {detail} or above. Change into a workspace, pass --root, or run jxs init.",
    ),
    "no-such-path": ("找不到路径：{detail}", "No such path: {detail}"),
    "out-is-source": (
        "输出目录 {detail} 是工作区本身或包含源文件，拒绝写入。请换一个目录，例如默认的 out/。",
        "The output directory {detail} is or contains the workspace's sources; choose another (e.g. out/).",
    ),
    "out-not-writable": ("无法写入输出目录：{detail}", "Cannot write the output directory: {detail}"),
    "file-locked": (
        "无法替换 {detail}：文件可能正在 Excel 或其他程序中打开。请关闭后重新运行 jxs build。",
        "Cannot replace {detail}: it may be open in Excel. Close it and run jxs build again.",
    ),
    "init-not-empty": ("目录 {detail} 已有 jxs.yaml，不会覆盖。", "{detail} already holds jxs.yaml; not overwritten."),
    "git-revision": ("无法读取 git 版本 {detail}", "Cannot read the git revision {detail}"),
    "file-exists": (
        "{detail} 已存在，jxs 不覆盖不是它刚写的文件。请换一个文件名，或确认要覆盖后加 --force。",
        "{detail} already exists; jxs does not overwrite files it did not write. Choose another name, "
        "or add --force to overwrite.",
    ),
    "write-link": (
        "{detail} 是符号链接，jxs 不通过链接写入。请直接指定链接指向的文件。",
        "{detail} is a symbolic link; jxs does not write through links. Name the file it points to instead.",
    ),
    "write-not-file": (
        "{detail} 不是普通文件（是设备、管道或文件夹），jxs 不向它写入。",
        "{detail} is not a regular file (a device, a pipe or a folder); jxs does not write to it.",
    ),
    "write-failed": ("无法写入 {detail}", "Cannot write {detail}"),
    "out-not-jxs": (
        "输出目录 {detail} 已存在且不是空的，里面的文件不是 jxs 生成的，为避免删除它们，拒绝写入。"
        "请换一个新的或空的目录；确认里面的文件都可以删除时加 --force。",
        "The output directory {detail} exists, is not empty and was not made by jxs; it is refused so its "
        "files are not deleted. Choose a new or empty folder, or add --force if everything in it may go.",
    ),
    "out-refused": (
        "输出目录 {detail} 是主目录、当前目录（或它们的上级）或 .git 中的目录；生成会替换整个目录，拒绝写入。"
        "请换一个目录，例如默认的 out/。",
        "The output directory {detail} is the home folder, the current folder (or above them) or inside .git; a "
        "build replaces the whole folder, so it is refused. Choose another, e.g. out/.",
    ),
    "bad-epoch": (
        "环境变量 SOURCE_DATE_EPOCH={detail} 超出了可以表示的日期范围（最晚到 9999 年）。请设为正确的 Unix 时间戳，或不设置。",
        "SOURCE_DATE_EPOCH={detail} is beyond the dates that can be represented (up to the year 9999). Set it to "
        "a correct Unix timestamp, or unset it.",
    ),
    "build-running": (
        "另一个生成正在进行（输出目录 {detail}）。请等它结束后再运行 jxs build。",
        "Another build is running (output directory {detail}). Wait for it to finish and run jxs build again.",
    ),
    "interrupted": ("已中断，没有写入任何文件，原来的输出保持不变。",
                    "Interrupted; nothing was written and the previous output is unchanged."),
}

# Everything else a user reads, by key: `area.what`.
WORDS: dict[str, tuple[str, str]] = {
    # --- the command line: help (shown in the language the command line asks for) and what commands say ---
    "cli.building": (
        '生成中',
        'building',
    ),
    "cli.no-table": (
        '没有读到任何目录表，没有写入文件。',
        'No catalog table was read; nothing was written.',
    ),
    "cli.nothing-to-repair": (
        '没有需要修复的地方。',
        'Nothing to repair.',
    ),
    "cli.nothing-written": (
        '有错误，没有生成任何文件。',
        'There are errors; nothing was written.',
    ),
    "help.build": (
        '生成目录：先检查，再合并县级标准和各乡镇调整，输出 Excel 工作簿、网站和 JSON/CSV 数据。\n\n有错误时不写任何文件；新输出完整生成后才替换旧的 out/。',
        'Build: validate, merge the county standard with each township, write Excel workbooks, the site and JSON/CSV data.\n\nWrites nothing when there are errors; the previous out/ is replaced only when the new output is complete.',
    ),
    "help.check": (
        '全面检查（供 CI 和县政务公开办监督使用）：validate 的全部检查，再加上完整性、一致性、时效性检查。\n\n--report 输出乡镇 × 领域覆盖表，并写成 CSV 和 HTML。',
        'Check for CI and supervision: everything validate does plus completeness, consistency and currency rules.\n\n--report prints a townships × domains coverage table and writes it as CSV and HTML.',
    ),
    "help.diff": (
        '比较两个版本的目录：A、B 可以是工作区文件夹或 git 版本（如 HEAD~1、v2024、.）。\n\n逐份目录列出新增、删除和调整的事项（调整了哪个要素、原内容 → 新内容）；--format markdown 输出可直接粘贴到发布公告中的“目录更新说明”。',
        'Compare two versions: A and B are workspace folders or git revisions (HEAD~1, v2024, .).\n\nPer catalog: items added, removed and changed (which element, old → new); --format markdown gives update notes to paste into the publication notice.',
    ),
    "help.fix": (
        '自动修复不需要猜测的问题：GBK/GB18030/UTF-16 编码转为 UTF-8，缩进中的 Tab 和全角空格、键后的中文冒号，“政府网”“依申请公开”等非标准写法；有 bases.yaml 时，把已被替代的文件改为替代文件的标题和文号，把与登记不一致的文号改为登记的文号。\n\n默认只显示修改内容（diff），加 --write 才写入文件；注释、键的顺序和中英文键名都保持不变。无法自动修复的问题照常报告。',
        'Repair what needs no guessing: GBK/GB18030/UTF-16 to UTF-8, tabs and full-width spaces in indentation, full-width colons after keys, vocabulary variants; with bases.yaml, citations of replaced documents and numbers that contradict the register.\n\nShows the changes as a diff; writes only with --write. Comments, key order and key language are kept. What cannot be repaired is reported as by validate.',
    ),
    "help.import": (
        '把已有的 Excel 目录（发布格式的 .xlsx 或旧版 .xls）导入为领域 YAML 文件。\n\n自动找到表头，识别“特定群众”“依申请公开”“镇级/村级”、三级事项、■/□ 渠道清单、√✓■● 标记、“同上”等常见写法；无法识别的单元格按“工作表!单元格”报告，不会悄悄猜测。',
        'Import a catalog workbook in the published layout (.xlsx, or the older .xls) as domain YAML.\n\nFinds the header wherever it starts and understands the usual variants; what cannot be mapped is reported by its cell (e.g. 涉农补贴!H12) rather than guessed.',
    ),
    "help.init": (
        '新建一个工作区：一个示例领域、一个示例乡镇，每个键都有中文注释。',
        'Create a new workspace with one example domain and one example township.',
    ),
    "help.jxs": (
        'jxs：积石山县基层政务公开事项标准目录的编制工具。\n\n用 YAML 维护县级标准目录和各乡镇目录，检查、合并，并生成 Excel、网站和数据。',
        "jxs: compiles the standard catalogs of government-affairs disclosure.\n\nKeeps the county standard and each township's catalog as YAML; validates, merges and renders Excel workbooks, a static site and data.",
    ),
    "help.opt.build-out": (
        '输出目录（默认 out/）',
        'output folder (default out/)',
    ),
    "help.opt.debug": (
        '出现内部错误时显示完整的调用栈',
        'show the traceback of an internal error',
    ),
    "help.opt.diff-format": (
        '输出格式',
        'output format',
    ),
    "help.opt.domain": (
        '领域名称（默认从标题或工作表名识别）',
        "the domain's name (default: from the title or sheet)",
    ),
    "help.opt.force": (
        '允许覆盖已存在的文件（默认不覆盖不是 jxs 刚写的文件）',
        'overwrite existing files (by default jxs never overwrites a file it did not write)',
    ),
    "help.opt.format": (
        '输出格式：text 给人看，json/github/junit 给 CI 用',
        'output format: text for people, json/github/junit for CI',
    ),
    "help.opt.import-output": (
        '输出的 .yaml 文件；工作簿有多个领域时给一个文件夹。不给时显示在屏幕上',
        'the .yaml file to write; a folder when the workbook holds several domains',
    ),
    "help.opt.lang": (
        '提示信息的语言：zh（中文，默认）或 en',
        'message language: zh (default) or en',
    ),
    "help.opt.output": (
        '写入文件而不是显示',
        'write to a file instead of the screen',
    ),
    "help.opt.quiet": (
        '不显示进度和摘要',
        'no progress bar or summary',
    ),
    "help.opt.report": (
        '输出覆盖情况报告和引用文件清单（每份文件的状态和引用它的事项）',
        'print and write the coverage report and the cited documents list',
    ),
    "help.opt.report-dir": (
        '报告写入的目录（默认工作区的 reports/；不放在 out/ 里，下次生成不会删掉它）',
        "where the report files go (default the workspace's reports/, outside out/ so a build does not delete it)",
    ),
    "help.opt.root": (
        '工作区根目录（默认从当前目录向上查找 jxs.yaml）',
        'workspace root (default: walk up to jxs.yaml)',
    ),
    "help.opt.schema-out": (
        '输出目录（默认为工作区的 schemas/）',
        "output folder (default: the workspace's schemas/)",
    ),
    "help.opt.sheet": (
        '只读这个工作表',
        'read only this sheet',
    ),
    "help.opt.strict": (
        '警告也算错误（退出码 1）',
        'treat warnings as errors (exit 1)',
    ),
    "help.opt.today": (
        '按这一天判断时效（YYYY-MM-DD，默认今天），便于测试和 CI 复现',
        'judge currency on this day (YYYY-MM-DD, default today), for tests and reproducible CI',
    ),
    "help.opt.write": (
        '把修复写入文件',
        'write the repairs to the files',
    ),
    "help.schema": (
        '生成领域、乡镇、jxs.yaml 和 bases.yaml 文件的 JSON Schema（供 VS Code 等编辑器提示和检查）。',
        'Write the JSON Schemas of domain, township, jxs.yaml and bases.yaml files (for editors).',
    ),
    "help.validate": (
        '检查目录文件：每个问题都给出 文件:行:列、错误代码和修改方法。\n\n不带参数时检查整个工作区；也可以只检查指定的文件或文件夹。',
        'Check catalog files: each problem with path:line:col, a code and how to fix it.\n\nWithout arguments checks the whole workspace; or only the files or folders named.',
    ),
    "cli.error": ("错误：{message}", "error: {message}"),
    "cli.internal-error": (
        "jxs 内部错误（这是 jxs 的缺陷，不是数据的问题）：{kind}: {error}\n请加 --debug 重新运行，并把输出报告给维护者。",
        "jxs internal error (a bug in jxs, not in your data): {kind}: {error}\nRun again with --debug and report "
        "the output.",
    ),
    "cli.created": (
        "已新建工作区 {directory}。下一步：cd {directory} && jxs validate && jxs build",
        "Created the workspace {directory}. Next: cd {directory} && jxs validate && jxs build",
    ),
    "cli.built": (
        "已生成 {out}：县级目录 1 份、乡镇目录 {townships} 份、村（居）清单 {villages} 份，县级事项 {items} 项，"
        "共 {files} 个文件。",
        "Built {out}: 1 county catalog, {townships} township catalogs, {villages} village lists, {items} county "
        "items, {files} files.",
    ),
    "cli.fix-file": ("== {path}：", "== {path}:"),
    "cli.can-repair": ("可以修复 {count} 个文件。确认无误后加 --write 写入。",
                       "{count} file(s) can be repaired. Add --write to apply."),
    "cli.repaired": ("已修复 {count} 个文件。", "Repaired {count} files."),
    "cli.wrote": ("已写入 {path}", "Wrote {path}"),
    # --- reports of diagnostics ---
    "report.clean": ("已检查 {files}，没有发现问题。", "{files} checked: no problems."),
    "report.summary": ("已检查 {files}：{errors}，{warnings}。", "{files} checked: {errors}, {warnings}."),
    # English counts one thing in the singular; Chinese has one form.
    "count.file": ("{n} 个文件", "{n} file"),
    "count.files": ("{n} 个文件", "{n} files"),
    "count.error": ("{n} 个错误", "{n} error"),
    "count.errors": ("{n} 个错误", "{n} errors"),
    "count.warning": ("{n} 个警告", "{n} warning"),
    "count.warnings": ("{n} 个警告", "{n} warnings"),
    "severity.error": ("错误", "error"),
    "severity.warning": ("警告", "warning"),
    # --- pieces of diagnostics: what was found, hints ---
    "found.mapping": ("“键: 值”的结构", "a mapping"),
    "found.list": ("列表", "a list"),
    "found.value": ("“{value}”", "'{value}'"),
    "found.text": ("文字“{value}”", "the text '{value}'"),
    "found.empty": ("空值", "empty"),
    "found.blank": ("空白", "blank"),
    "found.other": ("其他类型", "another type"),
    "found.invisible": ("不可见的格式字符", "invisible format characters"),
    "hint.multiline": ("如果要写多行，请在键后写“|”，下一行缩进后再写内容。",
                       "For several lines write '|' after the key and indent the text below."),
    "hint.did-you-mean": ("是不是“{guess}”？", "Did you mean '{guess}'? "),
    "hint.did-you-mean-value": ("是不是想写“{guess}”？", "Did you mean '{guess}'? "),
    "hint.did-you-mean-key": ("是不是想写“{shown}”？", "Did you mean '{shown}'?"),
    "hint.keys-allowed": ("这里可以写的键有：{allowed}。", "Keys allowed here: {allowed}."),
    "hint.domain-names": ("领域名称要与 domains/ 中文件的 name 一致。", "Use a domain name from domains/."),
    "hint.township-items": ("请对照 {path} 中公开层级含“乡级”的事项名称。", "See the 乡级 items in {path}."),
    "hint.township-code": ("（统计用区划代码，例如 622927100000，请加引号）", " (e.g. \"622927100000\")"),
    "hint.village-code": ("（村级统计用区划代码，例如 622927100001，请加引号）", " (e.g. \"622927100001\")"),
    "target.domain": ("领域", "The domain"),
    "target.item": ("{domain}领域中的乡级事项", "The township-level item in {domain}"),
    "target.category": ("{domain}领域中的乡级一级事项", "The township-level category in {domain}"),
    "place.county": ("县", "county"),
    "place.township": ("乡镇", "township"),
    "place.own-county": ("本县", "this county"),
    "place.own-township": ("本乡镇", "this township"),
    "village.looks-village": ("村", "村 (village)"),
    "village.looks-community": ("社区", "社区 (community)"),
    "keys.one": ("{name}（{label}）", "{name} ({label})"),
    "keys.unknown": ("{name}", "{name}"),
    # --- lists joined in each language ---
    "sep.values": ("、", "; "),
    "sep.counts": ("、", ", "),
    "sep.parts": ("；", "; "),
    # --- jxs diff ---
    "diff.none": ("（无）", "(none)"),
    "diff.no-differences": ("两个版本的目录没有差别。", "No differences: the two versions' catalogs are the same."),
    "diff.cannot-compare": ("无法比较 {a} 和 {b}：目录数据有错误，请先修正。",
                            "Cannot compare {a} and {b}: the catalog data has errors; fix them first."),
    "diff.n-added": ("新增 {n} 项", "{n} added"),
    "diff.n-removed": ("删除 {n} 项", "{n} removed"),
    "diff.n-changed": ("调整 {n} 项", "{n} changed"),
    "diff.renamed": ("名称有变化", "renamed"),
    "diff.n-new-catalogs": ("新设 {n} 个", "{n} new"),
    "diff.n-gone-catalogs": ("撤销 {n} 个", "{n} removed"),
    "diff.of-which": ("（其中{parts}）", " ({parts})"),
    "diff.county-part": ("县级目录{counts}", "county catalog: {counts}"),
    "diff.township-part": ("{n} 个乡镇目录{extra}合计{counts}", "{n} township catalogs{extra}: {counts} in all"),
    "diff.village-part": ("{n} 份村（居）务公开清单{extra}合计{counts}", "{n} village lists{extra}: {counts} in all"),
    "diff.summary": ("与 {a} 相比，{b} 中共有 {total} 个目录有变化：{parts}。",
                     "Compared with {a}, {total} catalogs differ in {b}: {parts}."),
    "diff.heading-new": ("（新设，共 {n} 项）", " (new, {n} items)"),
    "diff.heading-removed": ("（已撤销，原有 {n} 项）", " (removed, had {n} items)"),
    "diff.heading-renamed": ("（原名：{name}）", " (formerly {name})"),
    "diff.item-elements": ("{name}：{elements}", "{name}: {elements}"),
    "diff.village-new": ("新设清单，共 {n} 项", "new list, {n} items"),
    "diff.village-gone": ("清单已撤销（原有 {n} 项）", "list removed (had {n} items)"),
    "diff.n-added-named": ("新增 {n} 项（{names}）", "{n} added ({names})"),
    "diff.n-removed-named": ("删除 {n} 项（{names}）", "{n} removed ({names})"),
    "diff.n-changed-named": ("调整 {n} 项（{names}）", "{n} changed ({names})"),
    "diff.villages-line": ("{who}：{what}", "{who}: {what}"),
    "diff.added": ("新增", "added"),
    "diff.removed": ("删除", "removed"),
    "diff.changed": ("调整", "changed"),
    "diff.reason": ("（理由：{reason}）", " (reason: {reason})"),
    "diff.element-change": ("{element}：{old} → {new}", "{element}: {old} → {new}"),
    "diff.villages-text": ("村（居）务公开清单（与所在乡镇目录中的村级事项一致）：",
                           "Village lists (they follow their township's village-level items):"),
    "diff.col-domain": ("领域", "Domain"),
    "diff.col-category": ("一级事项", "Category"),
    "diff.col-item": ("二级事项", "Item"),
    "diff.col-element": ("调整的要素", "Element"),
    "diff.col-old": ("原内容", "Old"),
    "diff.col-new": ("新内容", "New"),
    "diff.md-new-catalog": ("新设目录，共 {n} 项事项。", "A new catalog with {n} items."),
    "diff.md-gone-catalog": ("该目录已撤销，原有 {n} 项事项。", "This catalog was removed; it had {n} items."),
    "diff.md-added": ("新增事项", "Items added"),
    "diff.md-removed": ("删除事项", "Items removed"),
    "diff.md-changed": ("调整事项", "Items changed"),
    "diff.md-villages": ("村（居）务公开清单", "Village lists"),
    "diff.md-villages-intro": ("村（居）务公开清单中的事项与所在乡镇目录中的村级事项一致，随之调整：",
                               "Village lists follow their township's village-level items and change with them:"),
    "diff.md-village-group": ("{township} {what}", "{township} — {what}"),
    "diff.md-default-title": ("基层政务公开标准目录", "Standard catalogs"),
    "diff.md-title": ("{title}更新说明", "{title}: update notes"),
    "diff.md-versions": ("比较版本：`{a}` → `{b}`", "Versions compared: `{a}` → `{b}`"),
    # --- why a file could not be read or written ---
    "os.loop": ("符号链接形成了循环（链接最终指向自己）", "a symbolic link loop"),
    "os.missing": ("文件不存在（可能是指向不存在文件的链接）", "no such file (or a dangling link)"),
    "os.denied": ("没有权限（读取或写入被拒绝）", "permission denied"),
    "os.folder": ("这是一个文件夹，不是文件", "this is a folder, not a file"),
    "os.io": ("磁盘读写错误", "an input/output error"),
    "os.full": ("磁盘空间已满", "no space left on the disk"),
    "os.read-only": ("位置是只读的", "a read-only file system"),
    "os.not-permitted": ("没有写入权限", "operation not permitted"),
    "os.quota": ("磁盘配额已满", "disk quota exceeded"),
    "os.not-a-folder": ("路径中有一段是文件而不是文件夹", "a part of the path is a file, not a folder"),
    "os.other": ("{error}", "{error}"),
    "problem.reason": ("：{reason}", ": {reason}"),
    # --- the coverage report on the terminal ---
    "coverage.title": ("乡镇目录覆盖情况报告", "Township coverage report"),
    "coverage.legend": ("列号对应的领域：{legend}", "Domains by column: {legend}"),
    "coverage.township": ("乡镇", "township"),
    "coverage.warnings": ("警告", "warn"),
    "documents.written": ("引用文件清单已写入 {target}", "Cited documents written to {target}"),
    "coverage.written": ("报告已写入 {folder}/coverage.csv 和 coverage.html",
                         "Report written to {folder}/coverage.csv and coverage.html"),
    "yaml.key-not-text": ("键只能是文字，不能是列表或映射", "a key must be text"),
    "yaml.no-anchor": ("找不到锚点 &{anchor}", "no anchor &{anchor}"),
    "yaml.one-document": ("一个文件只能有一个文档（不要用“---”分隔多个）", "one document per file (no '---' separators)"),
    # --- jxs fix: what it repaired ---
    "fix.what-tab": ("制表符", "tab"),
    "fix.what-fullwidth-space": ("全角空格", "full-width space"),
    "fix.indent": ("第 {line} 行：缩进中的{what}换成 {spaces} 个空格", "line {line}: {what} replaced by {spaces} spaces"),
    "fix.indent-undecided": (
        "第 {line} 行：无法判断缩进中的{what}应该换成几个空格（上面没有能对齐的行），没有改动，请手动改成空格",
        "line {line}: cannot tell how many spaces the {what} stands for; left for you to replace",
    ),
    "fix.dash-space": ("第 {line} 行：“-{key}”的短横线后加一个空格", "line {line}: a space after the dash of '-{key}'"),
    "fix.colon-space": ("第 {line} 行：“{key}:”后加一个空格", "line {line}: a space after '{key}:'"),
    "fix.colon": ("第 {line} 行：“{key}”后的中文冒号换成英文冒号", "line {line}: full-width colon after '{key}' replaced"),
    "fix.chinese-quotes": ("第 {line} 行：“{text}”的中文引号换成英文引号",
                           "line {line}: the Chinese quotes of {text} replaced by ASCII ones"),
    "fix.split": ("第 {line} 行：“{text}”分开写成 {count} 项", "line {line}: '{text}' split into {count} entries"),
    "fix.variant": ("第 {line} 行：“{old}”改为标准写法“{new}”", "line {line}: '{old}' written in its standard form '{new}'"),
    "fix.encoding": ("编码从 {encoding} 转为 UTF-8", "re-encoded from {encoding} to UTF-8"),
    "fix.at-line": ("第 {line} 行：{change}", "line {line}: {change}"),
    "fix.replaced-document": ("《{old}》改为替代它的《{new}》", "《{old}》 replaced by 《{new}》"),
    "fix.document-number": ("《{title}》的文号“{written}”改为登记的“{registered}”",
                            "number of 《{title}》 '{written}' corrected to '{registered}'"),
    # --- the register of cited documents (bases.yaml) ---
    "hint.did-you-mean-title": ("是不是《{guess}》？", "Did you mean 《{guess}》? "),
    "register.remove-basis": ("请核对后删去这一依据，或改为现行有效的文件。", "Remove this basis or cite the document in force."),
    "register.cite-instead": ("请改为《{title}》{number}（jxs fix 可以代为替换）。",
                              "Cite 《{title}》{number} instead (jxs fix offers the change)."),
    "register.repealed": ("已废止", "repealed"),
    "register.lapsed": ("已失效", "no longer in force"),
    "documents.heading": ("引用文件情况（{day}）：", "Cited documents on {day}:"),
    "documents.valid-until": ("（有效期至 {day}）", " (valid until {day})"),
    "documents.cited": ("{n} 处引用", "cited by {n} lines"),
    "status.in-force": ("现行有效", "in force"),
    "status.revised": ("已修订", "revised"),
    "status.repealed": ("已废止", "repealed"),
    "status.lapsed": ("已失效", "lapsed"),
    "status.expired": ("已过期", "expired"),
    "status.unregistered": ("未登记", "not registered"),
    # --- jxs import ---
    "import.web-page": (
        "这是网页（HTML/XML）文件，只是扩展名像 Excel。请用 Excel 或 WPS 打开后“另存为”Excel 工作簿（.xlsx）再导入",
        "this is a web page (HTML/XML) with an Excel-like name; open it in Excel or WPS, save it as .xlsx and import "
        "that",
    ),
    "import.not-a-workbook": ("不是 Excel 工作簿（.xlsx 或 .xls）", "not an Excel workbook (.xlsx or .xls)"),
    "import.damaged": ("文件已损坏或不是 Excel 工作簿（{detail}）", "the file is damaged or not an Excel workbook ({detail})"),
    "keys.spelled": ("{spelled}{label}", "{spelled} ({label})"),  # a Chinese-keyed file: its own spelling
    "hint.code-quotes": ("：两边用的是中文引号，请换成英文引号，写成 \"{code}\"（或运行 jxs fix --write）",
                         " in ASCII quotes, \"{code}\", not Chinese ones"),
    "help.opt.build-force": (
        "输出目录里有不是 jxs 生成的文件时也替换它（这些文件会被删除）",
        "replace the output directory even if it holds files jxs did not write (they are deleted)",
    ),
    "meta.options": ("[选项]", "[OPTIONS]"),
    "meta.command": ("命令 [参数]...", "COMMAND [ARGS]..."),
    "meta.paths": ("[文件或文件夹]...", "[PATHS]..."),
    "meta.directory": ("[文件夹]", "[DIRECTORY]"),
    "meta.workbook": ("工作簿", "FILE"),
    "cli.unwritten": ("已检查 {files} 个文件：{unwritten} 个文件的修复还没有写入，{after}",
                      "{files} files checked: repairs to {unwritten} files are not written yet; {after}"),
    "cli.unwritten-clean": ("写入后没有其他问题。", "nothing else is left after writing them."),
    "cli.unwritten-left": ("写入后还有 {errors} 个错误、{warnings} 个警告（见上）。",
                           "after writing them, {errors} errors and {warnings} warnings are left (above)."),
    # --- indentation written with tabs or full-width spaces: what to do instead ---
    "indent.first-line": ("请删掉行首的空白（第一行不需要缩进）", "remove the indentation of the first line"),
    "indent.inside-block": ("请删掉它，用空格缩进到比上一行多两格（这里是 {spaces} 个空格）",
                            "replace it with spaces, two more than the line above ({spaces} spaces)"),
    "indent.line-above": ("上一行", "the line above"),
    "indent.line": ("第 {line} 行", "line {line}"),
    "indent.align": ("请删掉它，用空格对齐到{where}（这里是 {spaces} 个空格）",
                     "replace it with spaces aligned with {where} ({spaces} spaces)"),
    "indent.undecided": (
        "请删掉它，用空格与同一层的行左端对齐（这里无法判断应该是几个空格，jxs fix 不会改动这一行）",
        "replace it with spaces aligned with the lines of the same level (jxs fix cannot tell how many)",
    ),
    "hint.keep-one": ("同一层级每个键只能写一次，请删除或合并其中一个。", "Keep one of them."),
    "hint.new-entry": (
        "如果从这里开始是新的一条，请在它前面补上以“- ”开头的一行（例如“- domain: …”）；否则请删除或合并其中一个。",
        "If a new entry starts here, it lacks its line starting with '- '; else keep one of them.",
    ),
    "hint.notepad-txt": (
        "记事本保存时自动加上了 .txt：请把文件改名为 {right}（在“另存为”里把“保存类型”选为“所有文件”）。",
        "Notepad added .txt: rename it to {right}.",
    ),
    "hint.lowercase-extension": ("扩展名要用小写：请把文件改名为 {right}。", "Use a lowercase extension: rename it to {right}."),
    "hint.village-each": ("每个村（社区）单独写一项，各有自己的名称和区划代码（{names}）。",
                          "give each village ({names}) an entry of its own with its own code. "),
    "hint.split-entries": (
        "请分成 {count} 项：每项一行、以“- ”开头（{entries}）；在方括号 [ ] 里则用英文逗号加空格隔开。jxs fix 可以自动改正。",
        "split it into {count} entries ({entries}): one a line starting with '- ', or comma-separated inside [ ]. "
        "jxs fix can repair it.",
    ),
    "hint.write-list": (
        "列表要写成 {shown}（英文方括号，英文逗号后空一格），或者每项一行、以“- ”开头。jxs fix 可以自动改正。",
        "write a list, {shown}, or one entry a line starting with '- '. jxs fix can repair it.",
    ),
    # --- dates ---
    "date.chinese-quotes": (
        "两边用的是中文引号：YAML 只认英文引号，请切换到英文输入法，写成 \"{value}\"（或运行 jxs fix --write）",
        "is in Chinese quotes: YAML needs ASCII quotes, \"{value}\"",
    ),
    "date.shape": ("格式不对，应写成“2026-01-31”这样的年-月-日，并加英文引号",
                   "must be written as year-month-day, e.g. \"2026-01-31\""),
    "date.no-such-day": ("{year} 年 {month} 月没有 {day} 日", "{year}-{month} has no day {day}"),
    "date.no-such-month": ("一年没有 {month} 月", "there is no month {month}"),
    "date.does-not-exist": ("不存在（{why}），请核对日期", "is not a date that exists ({why})"),
    "date.partial-shape": (
        "格式不对，应写成“2021”“2021-06”或“2021-06-30”这样的年、年-月或年-月-日，并加英文引号",
        "must be a year, year-month or year-month-day, e.g. \"2021-06\"",
    ),
    # --- YAML the parser could not read: what the mistake is ---
    "yaml.neither-key-nor-entry": (
        '这一行既不是“键: 值”，也不是以“- ”开头的列表项：键后面要写英文冒号和一个空格，列表项前面要写“- ”',
        "this line is neither 'key: value' nor a list entry starting with '- '",
    ),
    "yaml.mapping-here": (
        '这里不能出现“键: 值”：这一行可能比上一行多缩进了，或者值里有“: ”（那样就要给整个值加英文引号）',
        "a 'key: value' cannot stand here: this line may be indented too far, or a value holds ': ' and needs quotes",
    ),
    "yaml.question-key": (
        '这里不能出现以“?”开头的键：请删除问号，或者给这个值加英文引号',
        "a key starting with '?' cannot stand here: remove it or quote the value",
    ),
    "yaml.entry-here": (
        '这里不能出现以“- ”开头的列表项：请把“- ”换到下一行并缩进，或者检查这一行的缩进',
        "a list entry '- ' cannot stand here: move it to its own line or check the indentation",
    ),
    "yaml.indent": (
        '这一行的缩进与上面的键对不齐：同一层的键要左端对齐，只用空格缩进',
        "this line's indentation does not match the keys above it: keys of one level start in the same column",
    ),
    "yaml.list-indent": (
        '列表项的缩进对不齐：同一个列表的每一项都以“- ”开头，并且左端对齐',
        "the list entries are not aligned: each entry of one list starts with '- ' in the same column",
    ),
    "yaml.bracket": (
        '方括号 [ ] 没有闭合，或者里面用了中文逗号：写成 [甲, 乙]，用英文逗号和英文方括号',
        'the square brackets [ ] are not closed or hold a full-width comma: write [a, b]',
    ),
    "yaml.brace": (
        '花括号 {{ }} 没有闭合，或者里面用了中文逗号：写成 {{name: 新庄村, kind: 村}}，用英文逗号和英文花括号',
        'the braces {{ }} are not closed or hold a full-width comma: write {{name: a, kind: b}}',
    ),
    "yaml.missing-value": (
        '这里缺少内容：请在“- ”或“键:”后面写上值',
        "a value is missing after '- ' or 'key:'",
    ),
    "yaml.unclosed": (
        '文件在引号或括号闭合之前就结束了：请补上缺少的英文引号或括号',
        'the file ends before a quote or bracket is closed',
    ),
    "yaml.escape": (
        '英文双引号里的反斜杠“\\”不能这样用：请把双引号换成单引号，或者删掉反斜杠',
        'a backslash inside double quotes starts an escape: use single quotes or remove the backslash',
    ),
    "yaml.tab": (
        '这里有制表符（Tab）：YAML 只能用空格，请把 Tab 换成空格',
        'there is a tab here: YAML uses spaces only',
    ),
    "yaml.text-after": (
        '引号或“|”“>”后面这一行还有别的文字：请把整个值放进一对英文引号里',
        "more text follows a closing quote or '|'/'>': put the whole value inside one pair of quotes",
    ),
    "yaml.several-documents": (
        '文件里有多余的部分（可能是“---”或“...”分隔线）：一个文件只写一份目录，请删除分隔线',
        "the file holds more than one document (a '---' or '...' line): keep one",
    ),
    "yaml.document-marker": (
        '值里的“---”或“...”会被当作文档分隔线：请给这个值加英文引号',
        "'---' or '...' in a value reads as a document separator: quote the value",
    ),
    "yaml.alias": (
        '以“*”开头的值会被当作别名：请给这个值加英文引号',
        "a value starting with '*' reads as an alias: quote it",
    ),
    "yaml.block-indicator": (
        '“|”或“>”后面只能写数字 1–9 或“+”“-”：如果这是正文，请给值加英文引号',
        "'|' or '>' may be followed only by 1-9, '+' or '-': quote the value if it is text",
    ),
    "yaml.colon": (
        '冒号“:”的位置不对：如果值里有冒号，请给整个值加英文引号',
        "a ':' stands where it cannot: quote a value that contains a colon",
    ),
    "yaml.bad-characters": (
        '文件里有无法识别的字符：请用记事本“另存为”，编码选 UTF-8 后再检查',
        'the file holds characters that cannot be read: save it as UTF-8 again',
    ),
    "yaml.special-start": (
        '这一行的值以 YAML 的特殊符号开头：请给整个值加英文引号',
        'this value starts with a YAML symbol: put it in quotes',
    ),
    "yaml.other": (
        '无法读懂这一行的结构：请检查缩进（只用空格）、冒号（英文冒号后空一格）和引号是否成对',
        'the structure of this line cannot be read: check the indentation, colons and quotes',
    ),
    "yaml.double-quote": ("双引号", "double quote"),
    "yaml.single-quote": ("单引号", "single quote"),
    "yaml.unclosed-quote": ("第 {line} 行的英文{kind}没有闭合：请在值的末尾补上一个 {quote}",
                            "the {kind} opened on line {line} is not closed: add {quote} at the end of the value"),
    "yaml.fullwidth-comma": ("括号里用了中文的“，”：请换成英文逗号“,”，后面空一格",
                             "a full-width comma or colon inside the brackets: use the ASCII one followed by a space"),
    "yaml.fullwidth-colon": ("括号里用了中文的“：”：请换成英文冒号“:”，后面空一格",
                             "a full-width comma or colon inside the brackets: use the ASCII one followed by a space"),
    "yaml.text-after-quote": ("引号闭合以后这一行还有文字：整个值都要放在一对英文引号里面（或者去掉引号）",
                              "text follows the closing quote: put the whole value inside one pair of quotes"),
    "yaml.starts-with-symbol": (
        "值“{value}”以“{symbol}”开头，YAML 会把它当作特殊符号：请给整个值加英文引号，写成 \"{value}\"",
        "the value '{value}' starts with '{symbol}', which YAML reads as syntax: put it in double quotes",
    ),
    "yaml.colon-space": ("“{key}:”后面要空一格：冒号和值之间加一个空格，写成“{key}: …”", "put a space after '{key}:'"),
    "yaml.missing-dash": ("“{shown}”前面少了“- ”：列表的每一项都以“- ”开头（短横线后空一格）",
                          "'{shown}' lacks its '- ': each list entry starts with a dash and a space"),
    "yaml.bare-line": (
        "“{shown}”这一行既没有“键: ”也没有“- ”：列表项前面加“- ”，接着上一行写的内容请移到上一行末尾",
        "'{shown}' has neither 'key: ' nor '- ': add '- ' for a list entry or join it to the line above",
    ),
    "yaml.orphan-entry": (
        "“{shown}”这一组前面少了以“- ”开头的一行：列表的每一条都以“- ”开头（例如“- domain: …”），请补上",
        "the block starting '{shown}' lacks the line starting with '- ' above it (e.g. '- domain: ...')",
    ),
    "yaml.colon-in-value": (
        "值里有“: ”（英文冒号加空格），会被当作又一个键：请给整个值加英文引号，或把它改成中文冒号“：”",
        "the value holds ': ', which reads as another key: quote the value",
    ),
    "yaml.indented-further": (
        "这一行比上一行多缩进了：同一层的键要左端对齐（如果上一行的值写到了这一行，请把它接回上一行）",
        "this line is indented further than the line above: keys of one level start in the same column",
    ),
    # --- a site template that cannot be used ---
    "template.not-utf8": ("不是 UTF-8 编码", "not UTF-8"),
    "template.not-found": ("找不到模板 {name}", "template {name} not found"),
    "template.not-allowed": ("模板试图访问不允许的内容：{detail}", "the template reaches for something not allowed: {detail}"),
    # --- the fixed words of the workbooks (printed in Chinese: they are part of the published catalog) ---
    "workbook.contents": ("目录", "Contents"),
    "workbook.number": ("序号", "No."),
    "workbook.domain": ("领域", "Domain"),
    "workbook.count": ("事项数", "Items"),
    "workbook.reference": ("参考目录", "Reference catalog"),
    "workbook.total": ("合计", "Total"),
    "workbook.subject": ("公开主体：{subject}", "Publisher: {subject}"),
    "workbook.village-lists": ("村（居）务公开清单（{count} 份）：{names}", "Village lists ({count}): {names}"),
    "workbook.note": ("说明：{note}", "Note: {note}"),
    "workbook.excluded": ("本乡镇不适用的领域和事项及理由", "Domains and items that do not apply here, and why"),
    "workbook.excluded-what": ("领域或事项", "Domain or item"),
    "workbook.whole-domain": ("{domain}（整个领域）", "{domain} (the whole domain)"),
    "workbook.reason": ("理由", "Reason"),
    "workbook.list": ("公开清单", "List"),
    "workbook.level": ("公开层级：村级", "Level: village"),
    "workbook.township": ("所属乡镇：{township}", "Township: {township}"),
    "workbook.code": ("区划代码：{code}", "Division code: {code}"),
    "workbook.items": ("共 {count} 项", "{count} items"),
    "workbook.day": ("数据日期：{day}", "Data as of {day}"),
    "workbook.band": ("{domain}（{count} 项）", "{domain} ({count} items)"),
    "workbook.basis-elsewhere": ("各事项的公开内容、时限与{township}目录一致，公开依据见{township}目录。",
                                 "Content and time limits are those of the {township} catalog, where the legal basis of "
                                 "each item is given."),
    "help.opt.version": ("显示版本号并退出", "Show the version and exit."),
}

# The command-line framework's own words in Chinese (usage, headings, usage errors), keyed by
# its English wording, so an unknown wording stays as it is rather than failing. Templates
# keep the framework's named fields; `{name!r}` may be written `{name}` so that Chinese
# quotes can stand around it.
FRAMEWORK_ZH: dict[str, str] = {
    "Usage:": "用法:",
    "Options": "选项",
    "Commands": "命令",
    "Positional arguments": "参数",
    "Show this message and exit.": "显示这段帮助并退出",
    "Show the version and exit.": "显示版本号并退出",
    "%(prog)s, version %(version)s": "%(prog)s，版本 %(version)s",
    "default: {default}": "默认：{default}",
    "env var: {var}": "环境变量：{var}",
    "deprecated": "已弃用",
    "(dynamic)": "（动态）",
    "Aborted!": "已中止。",
    "Error: {message}": "错误：{message}",
    "Try '{command} {option}' for help.": "运行“{command} {option}”查看帮助。",
    "No such command {name!r}.": "没有“{name}”这个命令。",
    "No such option {name!r}.": "没有“{name}”这个选项。",
    "No such option: {name}": "没有“{name}”这个选项。",
    "Missing command.": "缺少命令。",
    "Missing argument": "缺少参数",
    "Missing option": "缺少选项",
    "Missing parameter": "缺少参数",
    "Missing parameter: {param_name}": "缺少参数：{param_name}",
    "Missing {param_type}": "缺少{param_type}",
    "Missing {param_type} '{param_hint}'.": "缺少{param_type}“{param_hint}”。",
    "Missing {param_type} {param_hint}.": "缺少{param_type} {param_hint}。",
    "argument": "参数",
    "option": "选项",
    "parameter": "参数",
    "Invalid value for {param_hint}: {message}": "{param_hint} 的值不对：{message}",
    "Invalid value: {message}": "值不对：{message}",
    "Option {name!r} does not take a value.": "选项“{name}”后面不能跟值。",
    "Argument {name!r} takes {nargs} values.": "参数“{name}”需要 {nargs} 个值。",
    "Invalid start character for option ({option})": "选项开头的字符不对（{option}）",
    "Could not open file {filename!r}: {message}": "无法打开文件“{filename}”：{message}",
    "unknown error": "未知错误",
    "Value must be an iterable.": "这里要写多个值。",
    "Choose from:\n\t{choices}": "可选：\n\t{choices}",
    "{value!r} is not a valid {number_type}.": "“{value}”不是有效的{number_type}。",
    "{value} is not in the range {range}.": "{value} 不在 {range} 范围内。",
    "{value!r} is not a valid UUID.": "“{value}”不是有效的 UUID。",
    "file": "文件",
    "directory": "文件夹",
    "path": "路径",
    "{name} {filename!r} does not exist.": "{name}“{filename}”不存在。",
    "{name} {filename!r} is a file.": "{name}“{filename}”是文件，这里要的是文件夹。",
    "{name} {filename!r} is a directory.": "{name}“{filename}”是文件夹，这里要的是文件。",
    "{name} {filename!r} is not readable.": "{name}“{filename}”没有读取权限。",
    "{name} {filename!r} is not writable.": "{name}“{filename}”没有写入权限。",
    "{name} {filename!r} is not executable.": "{name}“{filename}”不能执行。",
    "Do you want to continue?": "要继续吗？",
    "Confirm the action without prompting.": "不询问，直接确认。",
}

# Wordings with a singular and a plural form; Chinese has one.
FRAMEWORK_ZH_PLURAL: dict[str, str] = {
    "Got unexpected extra argument ({args})": "多了参数（{args}）",
    "Did you mean {possibility}?": "是不是想输入 {possibility}？",
    "Option {name!r} requires an argument.": "选项“{name}”后面要跟 {nargs} 个值。",
    "{value!r} is not {choice}.": "“{value}”不是可选的值：{choice}。",
    "{value!r} does not match the format {format}.": "“{value}”不符合格式 {format}。",
    "Takes {nargs} values but 1 was given.": "需要 {nargs} 个值，只给了 {len} 个。",
    "{len_type} values are required, but {len_value} was given.": "需要 {len_type} 个值，只给了 {len_value} 个。",
}


_GENERIC = ("其他问题：{problem}", "Problem: {problem}")


@dataclass(frozen=True, slots=True)
class Phrase:
    """A sentence of the catalogue with its parameters, put into words only when it is shown."""

    key: str
    params: tuple[tuple[str, object], ...] = ()

    def render(self, lang: str = "zh") -> str:
        return say(self.key, lang, **dict(self.params))

    def __str__(self) -> str:
        return self.render("zh")


@dataclass(frozen=True, slots=True)
class Joined:
    """Several phrases in a row, joined as the reader's language joins a list (sep.* in WORDS)."""

    parts: tuple[Phrase, ...]
    sep: str = "sep.counts"

    def render(self, lang: str = "zh") -> str:
        return say(self.sep, lang).join(p.render(lang) for p in self.parts)


def phrase(key: str, /, **params: object) -> Phrase:
    """A sentence to be shown later, in whichever language the reader asks for."""
    if key not in WORDS and key not in PROBLEMS:
        raise KeyError(key)
    return Phrase(key, tuple(params.items()))


@dataclass(frozen=True, slots=True)
class Term:
    """A name that data gives in both languages (a key's label), shown in the reader's."""

    zh: str
    en: str

    def render(self, lang: str = "zh") -> str:
        return self.en if lang == "en" else self.zh


class Renderable(Protocol):
    """Anything put into words only when shown: a Phrase, an element's name (fields.ElementName)."""

    def render(self, lang: str = "zh") -> str: ...


def _values(params: Mapping[str, object], lang: str) -> dict[str, object]:
    return {k: (v.render(lang) if hasattr(v, "render") else v) for k, v in params.items()}


def counted(n: int, noun: str) -> Phrase:
    """`n` things, in the singular for one where the language has one (count.* in WORDS)."""
    return phrase(f"count.{noun}" if n == 1 else f"count.{noun}s", n=n)


def say(key: str, lang: str = "zh", /, **params: object) -> str:
    """A sentence of WORDS or PROBLEMS in the reader's language."""
    zh, en = WORDS.get(key) or PROBLEMS[key]
    return (en if lang == "en" else zh).format(**_values(params, lang))


def render_message(code: str, params: Mapping[str, object], lang: str = "zh") -> str:
    entry = MESSAGES.get(code)
    if entry is None:
        template = _GENERIC[1] if lang == "en" else _GENERIC[0]
    else:
        template = entry[2] if lang == "en" else entry[1]
    values = _values(params, lang)
    try:
        return template.format(**values).strip()
    except (KeyError, IndexError, ValueError):
        return f"{template} {values}"


def framework_word(english: str, lang: str = "zh", singular: str | None = None) -> str:
    """The command-line framework's wording in the reader's language; `singular` keys a plural form."""
    if lang == "en":
        return english
    if singular is not None:
        return FRAMEWORK_ZH_PLURAL.get(singular, english)
    return FRAMEWORK_ZH.get(english, english)
