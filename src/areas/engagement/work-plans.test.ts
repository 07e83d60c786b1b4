import { describe, expect, it } from 'vitest';
import { isDueSoon, isOverdue, parseEvidenceAddress, splitActionIds } from './work-plans.ts';

const BASE = 'https://apmbc.example.org';
const ID = '0b7c3f8e-9a51-4c1e-8d2a-3f6b1e2d4c5a';

describe('work plan rules', () => {
  it('knows overdue and due-soon items', () => {
    expect(isOverdue({ status: 'planned', dueDate: '2023-03-01' }, '2023-03-02')).toBe(true);
    expect(isOverdue({ status: 'done', dueDate: '2023-03-01' }, '2023-03-02')).toBe(false);
    expect(isOverdue({ status: 'in_progress', dueDate: null }, '2023-03-02')).toBe(false);
    expect(isDueSoon({ status: 'planned', dueDate: '2023-03-10' }, '2023-03-02')).toBe(true);
    expect(isDueSoon({ status: 'planned', dueDate: '2023-04-10' }, '2023-03-02')).toBe(false);
    expect(isDueSoon({ status: 'dropped', dueDate: '2023-03-03' }, '2023-03-02')).toBe(false);
  });

  it('reads pasted addresses of platform pages and other web pages', () => {
    expect(parseEvidenceAddress(`/en/reports/${ID}`, BASE)).toEqual({ type: 'report', ref: ID });
    expect(parseEvidenceAddress(`${BASE}/ar/analysis/reports/${ID.toUpperCase()}?x=1#f`, BASE)).toEqual({ type: 'report', ref: ID });
    expect(parseEvidenceAddress(`${BASE}/fr/analysis/follow-ups/2023/sn`, BASE)).toEqual({ type: 'follow_up', ref: '2023/SN' });
    expect(parseEvidenceAddress(`/es/questionnaires/${ID}/results`, BASE)).toEqual({ type: 'questionnaire', ref: ID });
    expect(parseEvidenceAddress(`/en/meetings/${ID}`, BASE)).toEqual({ type: 'meeting', ref: ID });
    expect(parseEvidenceAddress(`/fr/individualised-approach/${ID}/summary`, BASE)).toEqual({ type: 'individualised_approach', ref: ID });
    expect(parseEvidenceAddress('/en/analysis/papers/2023', BASE)).toEqual({ type: 'paper', ref: '2023' });
    expect(parseEvidenceAddress('https://www.apminebanconvention.org/en/', BASE)).toEqual({ type: 'url', ref: 'https://www.apminebanconvention.org/en/' });
    for (const bad of ['', 'javascript:alert(1)', '//evil.example/x', '/en/nowhere', `${BASE}/en/admin/users`, 'https://u:p@evil.example/', 'not a url']) expect(parseEvidenceAddress(bad, BASE)).toBeUndefined();
  });

  it('reads typed action ids', () => {
    expect(splitActionIds('OAP-45, oap 47; SRAAP-30 oap45')).toEqual({ ids: ['OAP-45', 'OAP-47', 'SRAAP-30'], bad: [] });
    expect(splitActionIds('OAP-45, hello')).toEqual({ ids: ['OAP-45'], bad: ['hello'] });
    expect(splitActionIds('')).toEqual({ ids: [], bad: [] });
  });
});
