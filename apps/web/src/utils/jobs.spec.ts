import { describe, expect, it } from '@jest/globals';
import { jobFailure, jobLabel } from './jobs';

describe('jobs in words', () => {
  it.each([
    ['notices.render', '生成通报文件'],
    ['quarters.publish', '发布季度排名'],
    ['scores.recompute', '重算得分'],
    ['some.future-job', 'some.future-job'],
  ])('%s is called %s', (name, label) => {
    expect(jobLabel(name)).toBe(label);
  });

  it.each([
    ['上传的表格文件已不存在，请重新上传', '上传的表格文件已不存在，请重新上传', null],
    ['connect ECONNREFUSED 127.0.0.1:6379', '连接数据库或任务队列失败，服务恢复后请重新发起；如反复出现请联系系统管理员', 'connect ECONNREFUSED 127.0.0.1:6379'],
    ['job stalled more than allowable limit', '任务运行中断（服务重启或超时），请重新发起', 'job stalled more than allowable limit'],
    ['SQLITE_BUSY: database is locked', '数据库执行出错，请稍后重试；如反复出现请联系系统管理员', 'SQLITE_BUSY: database is locked'],
    ['Cannot read properties of undefined', '任务运行出错，请重试；如反复出现请把下面的技术信息告诉系统管理员', 'Cannot read properties of undefined'],
  ])('failure %p reads as words', (error, text, detail) => {
    expect(jobFailure(error)).toEqual({ text, detail });
  });

  it('says nothing for a job that did not fail', () => {
    expect(jobFailure(null)).toBeNull();
  });
});
