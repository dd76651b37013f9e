// 中文界面文字（默认）。
export default {
  brand: 'plancheck 督办', dashboard: '总览', ledger: '台账', import: '导入报告', review: '审核', login: '登录',
  logout: '退出', lang: 'English', loginName: '账号', password: '密码', signIn: '登录', anonymous: '未登录（演示）',
  loginFailed: '登录失败', district: '区域', year: '年度', asOf: '截至', total: '事项总数', completionRate: '完成率',
  onPaceRate: '序时达标率', attention: '需关注事项', byStatus: '状态分布', byCategory: '按类别', byOwner: '按责任单位',
  byDistrict: '按下级区域', series: '全年完成率（月末）', all: '全部', status: '状态', category: '类别', owner: '责任单位',
  warning: '预警', search: '搜索', title: '事项', progress: '进度 / 序时进度', deadline: '期限', lastReport: '最近报送',
  prev: '上一页', next: '下一页', page: '第 {0} 页，共 {1} 条', none: '无', quote: '原文', target: '目标',
  stages: '节点', history: '报送记录', expected: '序时进度', reported: '报送值', firedRules: '触发规则',
  explanation: '说明', warnings: '预警', revisions: '修订记录', review_: '审核状态', report: '报送结果',
  value: '数值', note: '说明', evidence: '佐证', submit: '提交', approve: '通过', return: '退回', reason: '理由',
  revise: '修订', retire: '撤销', done: '已完成', paste: '粘贴报告全文', document: '文档编号', read: '识别',
  plan: '计划（承诺事项）', summary: '总结（完成情况）', duplicate: '重复', accept: '接受所选', accepted: '已处理',
  confidence: '置信度', queue: '待审核结果', empty: '暂无', live: '实时', saved: '已保存', reviewBy: '报送人',
  reviewState: { SUBMITTED: '待审核', APPROVED: '已通过', RETURNED: '已退回' },
  status_: {
    EXCEEDED: '超额完成', ACHIEVED: '已完成', BASICALLY_ACHIEVED: '基本完成', ON_TRACK: '序时推进',
    BEHIND: '进度滞后', MISSED: '未完成', NO_DATA: '未报送', ONGOING: '长期坚持',
  },
  retired: '已撤销', changes: '本周变化', attentionAll: '需关注（滞后、未完成、未报送、预警）',
  cause_: { RESULT: '报送结果', COMMITMENT: '修订', RULES: '规则更新', DATE: '日期推移', LOAD: '载入' },
  errorWith: '出错：',
};
