"""The message catalogue: every diagnostic code with its Chinese and English text.

Codes are stable; users look them up and CI filters on them. Each text says
what is wrong and how to fix it.
"""

from __future__ import annotations

from collections.abc import Mapping

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
        "adjustment-shape",
        "{problem}",
        "{problem}",
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
        "'{name}' is given the kind {kind} but its name looks like a {looks_en}. Check 'kind': 村 for a 村民委员会, "
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
    # --- building (JXS3xx) ---
    "JXS301": (
        "out-is-source",
        "输出目录 {out} 是工作区本身或包含源文件，拒绝写入。请换一个目录，例如默认的 out/。",
        "The output directory {out} is or contains the workspace's sources; choose another, e.g. out/.",
    ),
    "JXS302": (
        "out-not-writable",
        "无法写入输出目录 {out}：{reason}。",
        "Cannot write the output directory {out}: {reason}.",
    ),
    "JXS303": (
        "file-locked",
        "无法替换 {path}：文件可能正在 Excel 或其他程序中打开。请关闭该文件后重新运行 jxs build。",
        "Cannot replace {path}: it may be open in Excel or another program. Close it and run jxs build again.",
    ),
    "JXS304": (
        "template-error",
        "网站模板 {template} 出错：{problem}",
        "The site template {template} failed: {problem}",
    ),
    # --- import (JXS4xx) ---
    "JXS401": (
        "no-header",
        "在工作表“{sheet}”中找不到目录表头（需要“公开事项”“公开内容”“公开依据”“公开时限”等列）。",
        "No catalog header (公开事项, 公开内容, 公开依据, 公开时限 …) found in sheet '{sheet}'.",
    ),
    "JXS402": (
        "unmapped-cell",
        "{cell}：{problem}",
        "{cell}: {problem}",
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

_GENERIC = ("其他问题：{problem}", "Problem: {problem}")


def render_message(code: str, params: Mapping[str, object], lang: str = "zh") -> str:
    entry = MESSAGES.get(code)
    if entry is None:
        template = _GENERIC[1] if lang == "en" else _GENERIC[0]
    else:
        template = entry[2] if lang == "en" else entry[1]
    values = {k: (v.get(lang, v.get("zh", "")) if isinstance(v, dict) else v) for k, v in params.items()}
    try:
        return template.format(**values).strip()
    except (KeyError, IndexError, ValueError):
        return f"{template} {values}"
