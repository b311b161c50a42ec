import { NEED_STAGE_LABELS } from './matchmaking.contract.ts';
import { FIELD_EN, FIELD_PATTERNS } from './messages.fields.ts';
import { INTEGRATION_EXACT, INTEGRATION_PATTERNS } from './messages.integration.ts';
import { NOTIFY_EN } from './messages.notify.ts';
import { RECORD_STATE_PATTERNS } from './messages.records.ts';
import { type Pattern, ZOD_ZH_PATTERNS } from './messages.zod.ts';
import type { Pipeline } from './pipeline.ts';
import { PROJECT_STAGE_LABELS, projectPipeline } from './projects.contract.ts';
import { recruitmentPipeline } from './recruitment.contract.ts';

/**
 * English for the Chinese messages the API writes by hand (refinements in contracts, `invalid()`
 * in services, Excel import reasons, AppError texts), in the gettext manner: the Chinese text is
 * the id. The server applies `translateMessage` once, where errors and import previews leave it;
 * call sites keep writing Chinese. Text with no entry falls back to itself.
 *
 * messages.test.ts scans the server and contracts sources and fails when a Chinese message literal
 * has no entry here, so a new message needs its English in the same change.
 */
export type MessageLang = 'zh' | 'en';

const EXACT: Record<string, string> = {
  ...INTEGRATION_EXACT,
  ...NOTIFY_EN,
  // round-table (圆桌对话)
  主持人应为本地区领导: 'The chair must be a leader of this region',
  只能列入已同意的圆桌议题建议: 'Only accepted round-table proposals can go on the agenda',
  该议题已列入会议议程: 'This item is already on an agenda',
  议题不存在: 'The agenda item does not exist',
  会议不存在: 'The meeting does not exist',
  责任人不存在: 'The owner does not exist',
  只有责任人或会议主持方可以报送佐证: 'Only the owner or the chair’s office can submit proof',
  // concierge (帮办) and the service station
  绿色通道时限不能长于普通时限: 'The green-channel limit cannot be longer than the normal one',
  不同意转办时请写明原因: 'Give a reason when refusing a transfer',
  '请输入 11 位手机号或带区号的固话': 'Enter an 11-digit mobile number or a landline with its area code',
  '评分为 1–5 分': 'The rating is 1–5',
  请指定责任人或责任部门: 'Name an owner or an owning department',
  '时间格式应为 HH:MM': 'Time format: HH:MM',
  该诉求不由您办理: 'This request is not assigned to you',
  请选择本地区的帮办专员: 'Choose a helper of this region',
  发出日期不能晚于今天: 'The date sent cannot be after today',
  答复日期不能晚于今天: 'The answer date cannot be after today',
  项目不存在或无权查看: 'The project does not exist or is not visible to you',
  企业不存在或无权查看: 'The enterprise does not exist or is not visible to you',
  代为提交时请填写诉求人: 'Name the requester when submitting on their behalf',
  该转办申请已审批: 'This transfer has already been decided',
  '请评分（1–5 分）': 'Give a rating (1–5)',
  只有诉求人可以评价: 'Only the requester can rate',
  类别重复: 'Kind listed twice',
  日期重复: 'Date listed twice',
  '工作日本来就上班，只有周末可设为调休上班日':
    'A weekday is a working day already; only a weekend day can be an adjusted working day',
  '周末本来就休息，只有工作日可设为节假日': 'A weekend day is off already; only a weekday can be a holiday',
  已由该帮办专员办理: 'This helper already handles it',
  '诉求已办结或已退出，不能转办': 'The request is closed; it cannot be transferred',
  已有待负责人审批的转办申请: 'A transfer is already waiting for the lead',
  '验证答案不正确或已过期，请重新作答': 'Wrong or expired answer; answer the new question',
  请刷新页面后重新提交: 'Reload the page and submit again',
  '提交过于频繁，请稍后再试': 'Too many submissions; try again later',
  '该手机号今日提交的诉求已达上限，请明天再试或致电驿站':
    'This phone number has reached the limit for today; try tomorrow or call the station',
  // contracts: refinements and custom zod messages
  '用户名为 3–32 位小写字母、数字或 _ . -': 'Username: 3–32 lowercase letters, digits or _ . -',
  '密码至少 10 位': 'Password must have at least 10 characters',
  密码须包含字母: 'Password must contain a letter',
  密码须包含数字: 'Password must contain a digit',
  企业用户须绑定所属企业: 'An enterprise user must be bound to an enterprise',
  院所联络人须绑定所属院所: 'An institute partner must be bound to an institute',
  只有企业用户绑定企业: 'Only enterprise users are bound to an enterprise',
  只有院所联络人绑定院所: 'Only institute partners are bound to an institute',
  不能包含控制字符: 'Must not contain control characters',
  '行政区划代码应为 6 位数字': 'Region code must be 6 digits',
  '统一社会信用代码含有不允许的字符（不使用 I、O、Z、S、V）':
    'The unified social credit code contains characters that are not allowed (I, O, Z, S, V are not used)',
  '代码为 2–32 位小写字母、数字或连字符': 'Code: 2–32 lowercase letters, digits or hyphens',
  电话号码格式不正确: 'Invalid phone number',
  预算上限不能低于下限: 'The budget maximum cannot be below the minimum',
  '选择“其他”时请说明原因': 'Please give the reason when choosing “Other”',
  '日期格式应为 YYYY-MM-DD': 'Date must be in the form YYYY-MM-DD',
  '至少需要一个合作方（企业或院所）': 'At least one party (enterprise or institute) is required',
  日期不存在: 'This date does not exist',
  '月份格式应为 YYYY-MM': 'Month must be in the form YYYY-MM',
  红灯天数应大于黄灯天数: 'Red-light days must be more than yellow-light days',
  暂不列入时请写明原因: 'Please give the reason for not listing it',
  该流程没有这个阶段: 'This pipeline has no such stage',
  同一阶段只能出现一次: 'Each stage may appear only once',
  只有红灯事项可以提请圆桌对话: 'Only a red item can be put on a round-table agenda',
  该事项已提请圆桌对话: 'This item has already been proposed for a round-table',
  该提请事项已有决定: 'This proposal has already been decided',
  请至少修改一项: 'Change at least one field',
  阶段代码不正确: 'Invalid stage code',
  该区域不存在或无权查看: 'This region does not exist or you may not see it',
  只能冻结已结束的月份: 'Only a month that has ended can be frozen',
  该月份尚无快照: 'No snapshot has been taken for this month',
  该自定义阶段已停用: 'This custom stage is already retired',
  // services: invalid() fields
  所属院所不存在: 'Unknown institute',
  有企业不存在或不在本区域: 'Some enterprises do not exist or are not in this region',
  有院所不存在或不在本区域: 'Some institutes do not exist or are not in this region',
  有需求不存在: 'Some needs do not exist',
  有成果不存在: 'Some achievements do not exist',
  对接活动不存在: 'The matchmaking event does not exist',
  需求不存在: 'The need does not exist',
  '需求尚未发布或已签约、关闭': 'The need is not published, or is already contracted or closed',
  院所不存在: 'The institute does not exist',
  成果不属于该院所: 'The achievement does not belong to this institute',
  已对接: 'Already paired',
  请选择提出需求的企业: 'Please choose the enterprise that raises the need',
  企业不存在或不在本区域: 'The enterprise does not exist or is not in this region',
  产业不存在: 'The industry does not exist',
  请选择成果所属院所: 'Please choose the institute the achievement belongs to',
  院所不存在或不在本区域: 'The institute does not exist or is not in this region',
  请选择本区域在岗的帮办专员: 'Please choose an active helper of this region',
  对接记录不存在: 'The pairing does not exist',
  研发地行政区划不存在: 'The R&D region does not exist',
  请填写签约日期: 'Please enter the signing date',
  请填写合同编号: 'Please enter the contract number',
  请填写落地日期: 'Please enter the landing date',
  请说明终止原因: 'Please give the reason for stopping',
  进展日期不能晚于今天: 'The progress date cannot be later than today',
  该人员不存在或不在本区域: 'This person does not exist or is not in this region',
  '该院所已有招引记录（一院所一专班）':
    'This institute already has a recruitment record (one task force per institute)',
  日期不能晚于今天: 'The date cannot be later than today',
  下一步时间不能早于本次日期: 'The next step cannot be earlier than this entry’s date',
  附件不存在: 'The attachment does not exist',
  被更正的台账条目不属于该记录: 'The corrected ledger entry does not belong to this record',
  签约须填写签约日期: 'Signing requires the signing date',
  签约日期不能晚于今天: 'The signing date cannot be later than today',
  签约须上传协议附件: 'Signing requires the agreement to be uploaded',
  协议附件不存在: 'The agreement file does not exist',
  平台不存在: 'The platform does not exist',
  '进入运营须关联一个平台（选择已有平台或新建）':
    'Operating requires a platform (choose an existing one or create one)',
  证明材料不存在: 'The proof file does not exist',
  完成日期不能晚于今天: 'The completion date cannot be later than today',
  只能在本级及下级区域创建用户: 'Users can only be created in your region or its subregions',
  所属单位不存在或不在所选区域: 'The organisation does not exist or is not in the chosen region',
  // Excel and JSONL import reasons
  '记录ID 不属于本区域的企业，请清空后作为新企业导入':
    'The record ID is not an enterprise of this region; clear it to import as a new enterprise',
  该统一社会信用代码已属于另一家企业: 'This unified social credit code already belongs to another enterprise',
  请填写所属院所: 'Please fill in the institute',
  '不是有效的 JSON': 'Not valid JSON',
  'owners 应为非空的院所名称数组': 'owners must be a non-empty array of institute names',
  'title 不能为空': 'title must not be empty',
  别名不能为空: 'An alias must not be empty',
  '别名最多 20 个字': 'An alias is at most 20 characters',
  '别名最多 20 个': 'At most 20 aliases',
  '技术成熟度应为 1–9 的整数': 'Technology readiness must be a whole number from 1 to 9',
  院所名称不能为空: 'The institute name must not be empty',
  '记录ID 格式不正确，请清空后作为新记录导入':
    'The record ID is malformed; clear it to import as a new record',
  '找不到该条目所属的招引记录（记录ID 或院所名称）':
    'No recruitment record found for this entry (by record ID or institute name)',
  工作内容不能为空: 'The work content must not be empty',
  // innovation platforms (创新平台)
  请选择企业: 'Choose the enterprise',
  请选择院所: 'Choose the institute',
  请填写政府部门名称: 'Enter the government body’s name',
  企业不存在: 'No such enterprise',
  不能填报未来年度的运营佐证: 'Evidence cannot be filed for a future year',
  不能考核未来年度: 'A future year cannot be assessed',
  '该年度没有运营佐证，只能评为不合格': 'Without evidence for the year the only grade is “fail”',
  合作项目不存在: 'No such cooperation project',
  // talent (人才)
  引进人才须填写引进日期: 'A gathered talent needs the arrival date',
  请选择创新平台: 'Choose the platform',
  '身份证号应为 18 位（最后一位可为 X）': 'The ID number has 18 characters (the last may be X)',
  名称已存在: 'The name is taken',
  创新平台不存在: 'No such platform',
  人才组织不存在: 'No such talent group',
  招引记录不存在: 'No such recruitment record',
  人才计划不存在: 'No such talent programme',
  '记录ID 不属于本区域的人才，请清空后作为新人才导入':
    'The record ID is not a talent of this region; clear it to import as a new talent',
  该身份证号已属于另一位人才: 'This ID number belongs to another talent',
  该身份证号已登记: 'This ID number is already registered',
  '未找到人才台账的表头行（姓名、引进/培养）':
    'No header row of the talent ledger found (name, gathered/cultivated)',
  // incubation
  '记录ID 不属于本区域的在孵主体，请清空后作为新主体导入':
    'The record ID is not an incubatee of this region; clear it to import as a new incubatee',
  请填写所在载体: 'Fill in the carrier',
  '所在载体与记录不符：升级、毕业、退出请在主体页面办理':
    'The carrier differs from the record: moves, graduation and exit are made on the incubatee’s page',
  '未找到在孵企业台账的表头行（主体名称、所在载体）':
    'No header row of the incubatee ledger found (name, carrier)',
  '未找到季度数据模板的表头行（年度、季度、营业收入）':
    'No header row of the quarterly report template found (year, quarter, revenue)',
  '找不到该在孵主体（记录ID 或统一社会信用代码）':
    'No such incubatee (record ID or unified social credit code)',
  请填写数字: 'Fill in a number',
  '请填写记录ID 或统一社会信用代码': 'Fill in the record ID or the unified social credit code',
  载体不存在或不属于本地区: 'No such carrier in this region',
  自飞地孵化中心落地金乡: 'Landed in Jinxiang from the enclave centre',
  走访日期不能晚于今天: 'The visit date cannot be after today',
  同名载体已登记: 'A carrier of this name is already registered',
  入驻日期不能晚于今天: 'The entry date cannot be after today',
  该统一社会信用代码已登记: 'This unified social credit code is already registered',
  // AppError texts (the top-level message)
  接口不存在: 'No such endpoint',
  文件中没有工作表: 'The file has no worksheet',
  '导入预览已失效，请重新上传文件': 'The import preview has expired; upload the file again',
  '与已有记录冲突（可能已被他人登记），未写入任何行，请重新上传预览':
    'Conflicts with an existing record (someone may have registered it meanwhile); nothing was written, upload the file again to preview',
  '导入失败，未写入任何行，请稍后重试': 'The import failed; nothing was written, try again later',
  '导入因服务器重启而中断，未写入任何行，请重新上传预览':
    'The import was cut short by a server restart; nothing was written, upload it again for a preview',
  导入任务不存在: 'No such import job',
  '请求来源不是本站，已拒绝': 'Refused: the request came from another site',
  该提请事项由所属区域的领导决定: 'This proposal is decided by a leader of the region it belongs to',
  请先登录后查看接口文档: 'Sign in to read the API description',
  '该院所已建立对接，不能再标记为不合适': 'This institute is already paired and cannot be marked unsuitable',
  只有已发布或对接中的需求可以建立对接: 'Only published or matching needs can be paired',
  该需求与该院所已建立对接: 'This need is already paired with this institute',
  '需求已审核，如需修改请联系科技局工作人员': 'The need has been reviewed; ask bureau staff to change it',
  '需求已关闭，重新打开后再修改': 'The need is closed; reopen it before editing',
  '只有科技局工作人员可以审核、发布需求': 'Only bureau staff can review and publish needs',
  只有本项目的帮办专员或科技局工作人员可以修改: 'Only this project’s helper or bureau staff can edit it',
  帮办专员的指定和交接由科技局工作人员办理: 'Helpers are assigned and handed over by bureau staff',
  只能切换到本级及下级区域: 'Region outside your scope',
  账号已停用: 'This account is disabled',
  用户名或密码错误: 'Wrong username or password',
  '密码须包含大写字母、小写字母、数字、符号中的至少三类':
    'Password must use three of: upper-case letters, lower-case letters, digits, symbols',
  密码不能包含用户名: 'Password must not contain the username',
  '该密码过于常见或已公开，请换一个': 'This password is too common or has been published; choose another',
  当前密码不正确: 'The current password is wrong',
  请先登录: 'Please sign in',
  '该记录已被他人修改，请刷新查看最新内容后再改':
    'Someone else changed this record; reload to see the latest version, then edit again',
  '服务器存储空间已满，本次内容未保存（此前已保存的内容不受影响）；请联系系统管理员清理磁盘后重试':
    'The server’s storage is full: this was not saved (what was saved before is safe); ask the system administrator to free disk space, then try again',
  '数据库暂时不可用，请稍后重试（通常几秒内恢复，已保存的内容不受影响）':
    'The database is briefly unavailable; try again in a few seconds (what was saved is safe)',
  请先修改初始密码或重置后的密码: 'Change your initial or reset password first',
  // two-step sign-in (TOTP)
  请先完成两步验证: 'Complete two-step sign-in first',
  请先设置两步验证: 'Set up two-step sign-in first',
  请输入验证码: 'Enter the code',
  '验证码为 6 位数字，或 10 位恢复码': 'The code is 6 digits, or a 10-character recovery code',
  验证码错误或已使用: 'The code is wrong or was already used',
  '验证码错误，请输入应用中当前显示的 6 位数字': 'Wrong code: enter the 6 digits the app shows now',
  '验证码错误次数过多，请稍后再试': 'Too many wrong codes; try again later',
  当前无需两步验证: 'No two-step code is due now',
  '已启用两步验证；如需更换请联系安全管理员重置':
    'Two-step sign-in is already set up; ask the security administrator to reset it to change it',
  尚未启用两步验证: 'Two-step sign-in is not set up',
  '用户不存在，或无权重置其两步验证': 'The user does not exist, or you may not reset their two-step sign-in',
  不能在用户管理中修改自己的账号: 'You cannot change your own account in user administration',
  '三员分立：无权管理该角色的账号': 'Separation of duties: you may not manage accounts of this role',
  '每种管理员角色至少保留一个启用的账号，不能停用最后一个':
    'Each administrator role keeps at least one enabled account; the last one cannot be disabled',
  用户名已存在: 'This username exists already',
  企业用户和院所联络人的角色不能修改: 'The role of an enterprise user or institute partner cannot change',
  企业用户和院所联络人的区域随所属单位:
    'An enterprise user or institute partner is in their organisation’s region',
  该申请已处理: 'This request has been decided already',
  不能批准或驳回自己提交的申请: 'You cannot decide your own request',
  不能审批涉及自己账号的申请: 'You cannot decide a request about your own account',
  没有其他可以审批此变更的管理员: 'No other administrator can approve this change',
  批准管理员账号变更: 'Approve an administrator account change',
  驳回管理员账号变更: 'Reject an administrator account change',
  '三员分立：该申请须由另一种管理员角色审批':
    'Separation of duties: an administrator of the other role decides this request',
  '如果不是您本人在尝试登录，请联系安全管理员。':
    'If this was not you trying to sign in, contact the security administrator.',
  没有要修改的内容: 'Nothing to change',
  区域超出管理范围: 'The region is outside your scope',
  所属单位不存在或不在该区域: 'The organisation does not exist or is not in this region',
  '无法读取该 Excel 文件，请确认是 .xlsx 格式': 'Cannot read this Excel file; make sure it is .xlsx',
  '请以 multipart/form-data 上传文件': 'Upload the file as multipart/form-data',
  未收到文件: 'No file received',
  文件为空: 'The file is empty',
  '只接受 PDF、PNG、JPEG 图片和 Office 文档': 'Only PDF, PNG, JPEG images and Office documents are accepted',
  '文件不是有效的 Excel（.xlsx）文件': 'The file is not a valid Excel (.xlsx) file',
  '不支持 ZIP64 格式的文件': 'ZIP64 files are not supported',
  '文件已损坏（目录越界）': 'The file is damaged (directory out of bounds)',
  '文件已损坏（目录项无效）': 'The file is damaged (invalid directory entry)',
  '文件已损坏或结构异常，请在 Excel 中另存为 .xlsx 后重试':
    'The file is damaged or oddly built; save it again as .xlsx in Excel and retry',
  'multipart/form-data 请求缺少 boundary': 'The multipart/form-data request has no boundary',
  '上传的数据不完整或格式错误，请重新选择文件上传':
    'The upload is incomplete or malformed; choose the file and upload it again',
  '问题清单已失效，请重新上传文件': 'The problem list has expired; upload the file again',
  '该行超过 1 MB，已跳过': 'The line is longer than 1 MB and was skipped',
  '文件过大或过于复杂，无法读取': 'The file is too large or too complex to read',
  文件使用了不支持的压缩方式: 'The file uses an unsupported compression method',
  '不支持加密的文件，请先取消密码保护': 'Encrypted files are not supported; remove the password first',
  // QR sign-in at an event
  '这台设备已为本活动签到过其他单位，每台设备每场活动只能签到一次':
    'This device has already signed in another organisation; each device signs in once per event',
  请在手机浏览器中打开签到页面后重试: 'Open the sign-in page in your phone’s browser and try again',
};

/** Recruitment stages have no English in contracts (the web keeps it in recruitment-labels.tsx). */
const RECRUITMENT_STAGE_EN: Record<string, string> = {
  线索: 'Lead',
  接洽: 'Contacted',
  洽谈: 'Negotiating',
  签约: 'Signed',
  落地: 'Landed',
  运营: 'Operating',
  搁置: 'Shelved',
  终止: 'Dropped',
};
const PIPELINE_STAGE_EN: Record<string, string> = Object.fromEntries(
  [...Object.values(PROJECT_STAGE_LABELS), ...Object.values(NEED_STAGE_LABELS)].map((l) => [l.zh, l.en]),
);
const ANY_STAGE_EN: Record<string, string> = { ...RECRUITMENT_STAGE_EN, ...PIPELINE_STAGE_EN };

/** 「签约、终止」 → "Signed, Stopped"; 无 (none) → "none"; unknown words stay as written. */
function stageList(list: string, dict: Record<string, string>): string {
  if (list === '无') return 'none';
  return list
    .split('、')
    .map((s) => dict[s] ?? s)
    .join(', ');
}

/** The fields pipelines require (签约日期 → signing date), from their declarations. */
const REQUIREMENT_EN: Record<string, string> = Object.fromEntries(
  ([recruitmentPipeline, projectPipeline] as Pipeline<string>[]).flatMap((p) =>
    Object.values(p.requires).flatMap((reqs) => (reqs ?? []).map((r) => [r.label.zh, r.label.en])),
  ),
);
const fieldEn = (zh: string) => REQUIREMENT_EN[zh] ?? FIELD_EN[zh] ?? zh;

/**
 * Interpolated messages. Import reasons that list the accepted cell values keep those values in
 * Chinese: they are what the user must type into the Excel file. Values the user wrote (an
 * industry's name, an institute's name) stay as written.
 */
const PATTERNS: Pattern[] = [
  [/^请选择要进入的(.+)$/s, (m) => `Choose the ${m[1]} to enter`],
  [/^所选载体不是(.+)$/s, (m) => `The chosen carrier is not a ${m[1]}`],
  [
    /^毕业日期不能早于入驻日期（(.+)）$/s,
    (m) => `The graduation date cannot be before the entry date (${m[1]})`,
  ],
  [
    /^该统一社会信用代码已登记：(.+)$/s,
    (m) => `This unified social credit code is already registered: ${m[1]}`,
  ],
  [/^该身份证号已登记：(.+)$/s, (m) => `This ID number is already registered: ${m[1]}`],
  [/^“(.+)”应写作“计划名称 年份”$/s, (m) => `“${m[1]}” should read “programme year”`],
  [/^与第 (\d+) 行的身份证号重复$/, (m) => `Same ID number as row ${m[1]}`],
  [/^载体“(.*)”未登记，请先登记载体$/s, (m) => `Carrier “${m[1]}” is not registered; register it first`],
  [/^与第 (\d+) 行是同一主体的同一季度$/, (m) => `Same incubatee and quarter as row ${m[1]}`],
  [/^一次最多导入 (\d+) 行$/, (m) => `At most ${m[1]} rows per import`],
  // a platform's evidence against the criteria (shown on the platform page)
  [/^专职人员 (\d+) 人，低于 (\d+) 人$/, (m) => `Full-time staff ${m[1]}, below ${m[2]}`],
  [/^场地 (\d+) 平方米，低于 (\d+) 平方米$/, (m) => `Space ${m[1]} m², below ${m[2]} m²`],
  [/^设备原值 (.+) 万元，低于 (.+) 万元$/, (m) => `Equipment ${m[1]} ×10k yuan, below ${m[2]}`],
  [/^研发投入 (.+) 万元，低于 (.+) 万元$/, (m) => `R&D spending ${m[1]} ×10k yuan, below ${m[2]}`],
  [
    /^产出（专利、标准、产品、服务企业）(\d+) 项，低于 (\d+) 项$/,
    (m) => `Outputs (patents, standards, products, enterprises served) ${m[1]}, below ${m[2]}`,
  ],
  [/^答复日期不能早于发出日期（(.+)）$/, (m) => `The answer date cannot be before the date sent (${m[1]})`],
  [/^日期应在 (\d+) 年内$/, (m) => `The date must lie in ${m[1]}`],
  [
    /^统一社会信用代码应为 18 位，当前为 (\d+) 位$/,
    (m) => `The unified social credit code must have 18 characters, not ${m[1]}`,
  ],
  [
    /^统一社会信用代码校验位错误，应为 (.+)$/,
    (m) => `Wrong check character in the unified social credit code; it should be ${m[1]}`,
  ],
  [/^产业“(.*)”不存在$/s, (m) => `Industry “${m[1]}” does not exist`],
  [/^人才计划“(.*)”不存在$/s, (m) => `Talent programme “${m[1]}” does not exist`],
  [/^人才组织“(.*)”不存在$/s, (m) => `Talent group “${m[1]}” does not exist`],
  [/^与第 (\d+) 行的统一社会信用代码重复$/, (m) => `Same unified social credit code as row ${m[1]}`],
  [/^与第 (\d+) 行的院所重复$/, (m) => `Same institute as row ${m[1]}`],
  [
    /^院所“(.*)”不在本区域名录中，请先在名录中添加$/s,
    (m) => `Institute “${m[1]}” is not in this region’s directory; add it there first`,
  ],
  [/^企业规模应为：(.*)$/s, (m) => `Enterprise scale must be one of: ${m[1]}`],
  [/^知识产权类型应为：(.*)$/s, (m) => `IP type must be one of: ${m[1]}`],
  [/^合作方式应为：(.*)$/s, (m) => `Cooperation form must be one of: ${m[1]}`],
  [/^等级应为：(.*)$/s, (m) => `Grade must be one of: ${m[1]}`],
  [/^招引阶段应为：(.*)$/s, (m) => `Recruitment stage must be one of: ${m[1]}`],
  [/^方式应为：(.*)$/s, (m) => `Kind must be one of: ${m[1]}`],
  [/^责任人“(.*)”不是本区域的工作人员$/s, (m) => `Owner “${m[1]}” is not a staff member of this region`],
  [
    /^专班负责人“(.*)”不是本区域的工作人员$/s,
    (m) => `Task-force lead “${m[1]}” is not a staff member of this region`,
  ],
  [
    /^系统中为“(.*)”，阶段变更请在系统中办理（须符合流转规则）$/s,
    (m) =>
      `The system has stage “${m[1]}”; change stages in the system (the stage rules apply), not by import`,
  ],
  [
    /^未找到表头行（应包含(.*)）$/s,
    (m) =>
      `No header row found (it should contain ${(m[1] ?? '').replaceAll('”和“', '” and “').replaceAll('”“', '”, “')})`,
  ],
  [/^“(.*)”中未找到表头行$/s, (m) => `No header row found in “${m[1]}”`],
  [
    /^第 (\d+) 行的记录已不存在，请重新导入$/,
    (m) => `The record of row ${m[1]} no longer exists; import again`,
  ],
  [/^允许的下一阶段：(.*)$/s, (m) => `Allowed next stages: ${stageList(m[1] ?? '', PIPELINE_STAGE_EN)}`],
  [/^允许的去向：(.*)$/s, (m) => `Allowed next stages: ${stageList(m[1] ?? '', RECRUITMENT_STAGE_EN)}`],
  [
    /^不能从“(.*)”直接变更为“(.*)”$/s,
    (m) =>
      `Cannot move directly from “${ANY_STAGE_EN[m[1] ?? ''] ?? m[1]}” to “${ANY_STAGE_EN[m[2] ?? ''] ?? m[2]}”`,
  ],
  [/^与“(.*)”阶段重名$/s, (m) => `Another stage already has the name “${m[1]}”`],
  [
    /^(.+)已将“(.*)”用作另一阶段的名称$/s,
    (m) => `${m[1]} already uses “${m[2]}” as the name of another stage`,
  ],
  [/^(.+)须填写原因$/s, (m) => `A reason is required for “${RECRUITMENT_STAGE_EN[m[1] ?? ''] ?? m[1]}”`],
  [/^(.+)须填写(.+)$/s, (m) => `“${ANY_STAGE_EN[m[1] ?? ''] ?? m[1]}” requires the ${fieldEn(m[2] ?? '')}`],
  [/^(.+)不能晚于今天$/s, (m) => `The ${fieldEn(m[1] ?? '')} cannot be later than today`],
  [
    /^(.+)不能早于(.+)（(.+)）$/s,
    (m) => `The ${fieldEn(m[1] ?? '')} cannot be earlier than the ${fieldEn(m[2] ?? '')} (${m[3]})`,
  ],
  [/^(.+)不能超过 (\d+) 个字$/s, (m) => `The ${fieldEn(m[1] ?? '')} cannot exceed ${m[2]} characters`],
  [
    /^您的角色不能将记录变更为“(.*)”$/s,
    (m) => `Your role cannot move a record to “${ANY_STAGE_EN[m[1] ?? ''] ?? m[1]}”`,
  ],
  [
    /^台账条目填报已超过 (\d+) 天，不能修改，请新增一条更正记录$/,
    (m) => `Ledger entries can only be edited for ${m[1]} days; add a correcting entry instead`,
  ],
  [/^文件超过 (\S+) MB$/, (m) => `The file exceeds ${m[1]} MB`],
  [/^文件包含的条目过多（(\d+)）$/, (m) => `The file has too many entries (${m[1]})`],
  [
    /^文件解压后过大（(\S+) MB，上限 (\S+) MB）$/,
    (m) => `The file is too large when unpacked (${m[1]} MB; the limit is ${m[2]} MB)`,
  ],
  [
    /^工作表“(.+)”用到第 (\S+) 行，超过上限：每个工作表最多 (\S+) 行$/s,
    (m) => `Sheet “${m[1]}” uses row ${m[2]}, past the limit: at most ${m[3]} rows per sheet`,
  ],
  [
    /^文件的单元格超过上限：每个文件最多 (\S+) 个单元格$/,
    (m) => `The file has too many cells: at most ${m[1]} cells per file`,
  ],
  [
    /^导入中断：已写入 (\d+) 行，其余 (\d+) 行未写入，请检查后重新导入$/,
    (m) =>
      `The import stopped: ${m[1]} rows were written, the other ${m[2]} were not; check and import again`,
  ],
  [
    /^文件解压后超过 (\S+) MB，疑似压缩炸弹，已拒绝$/,
    (m) => `The file unpacks to more than ${m[1]} MB; refused as a likely zip bomb`,
  ],
  [
    /^文件压缩比异常（(\d+):1），疑似压缩炸弹$/,
    (m) => `Unusual compression ratio (${m[1]}:1); this looks like a zip bomb`,
  ],
  [
    /^登录失败次数过多：来自 (.+) 的登录已暂停 (\d+) 分钟$/s,
    (m) => `Too many failed sign-ins: sign-in from ${m[1]} is paused for ${m[2]} minutes`,
  ],
  [/^不能使用最近 (\d+) 次用过的密码$/, (m) => `Must not be one of your last ${m[1]} passwords`],
  [
    /^连续登录失败，账号已锁定，请 (\d+) 分钟后再试$/,
    (m) => `Too many failed sign-ins; the account is locked, try again in ${m[1]} minutes`,
  ],
  ...RECORD_STATE_PATTERNS,
  ...FIELD_PATTERNS,
  ...INTEGRATION_PATTERNS,
];

/** The catalog's English for a message the code wrote, or null when it has none. */
export function englishMessage(text: string): string | null {
  const exact = EXACT[text];
  if (exact !== undefined) return exact;
  for (const [re, render] of PATTERNS) {
    const m = re.exec(text);
    if (m) return render(m);
  }
  return null;
}

/** `text` in `lang`: Chinese is the id; English from the catalog, else zod's zhCN wording, else the text itself. */
export function translateMessage(text: string, lang: MessageLang): string {
  if (lang === 'zh') return text;
  const own = englishMessage(text);
  if (own !== null) return own;
  for (const [re, render] of ZOD_ZH_PATTERNS) {
    const m = re.exec(text);
    if (m) return render(m);
  }
  return text;
}

/** How many messages the catalog holds (exact texts and interpolated patterns). */
export const MESSAGE_CATALOG_SIZE = { exact: Object.keys(EXACT).length, patterns: PATTERNS.length };
