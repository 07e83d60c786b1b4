import { describe, expect, it } from 'vitest';
import { isNewerSource, isPublic, nextSteps, peopleTotal, profileFromReport, publishProblem, refilledProfile, regionFigures, transitionProblem, type IaFacts } from './individualised.ts';

const facts = (over: Partial<IaFacts> = {}): IaFacts => ({ status: 'interest', meetingId: null, finalReport: {}, publishedAt: null, ...over });

describe('steps of an individualised approach', () => {
  it('moves one step at a time, needs a meeting for the meeting step, and closes from anywhere', () => {
    expect(transitionProblem(facts(), 'preparation')).toBeUndefined();
    expect(transitionProblem(facts(), 'summary')).toBe('engagement.individualised.transition_invalid');
    expect(transitionProblem(facts({ status: 'preparation' }), 'meeting')).toBe('engagement.individualised.meeting_required');
    expect(transitionProblem(facts({ status: 'preparation', meetingId: 'm' }), 'meeting')).toBeUndefined();
    expect(transitionProblem(facts({ status: 'meeting', meetingId: 'm' }), 'preparation')).toBeUndefined();
    expect(transitionProblem(facts({ status: 'summary' }), 'closed')).toBeUndefined();
    expect(transitionProblem(facts({ status: 'summary' }), 'summary')).toBe('engagement.individualised.same_status');
    expect(transitionProblem(facts({ status: 'published', publishedAt: new Date() }), 'summary')).toBe('engagement.individualised.withdraw_first');
  });

  it('reopens a closed record where it was: its publication, else the start', () => {
    expect(transitionProblem(facts({ status: 'closed' }), 'interest')).toBeUndefined();
    expect(transitionProblem(facts({ status: 'closed' }), 'summary')).toBe('engagement.individualised.transition_invalid');
    expect(nextSteps(facts({ status: 'closed', publishedAt: new Date(), finalReport: { en: 'x' } }))).toEqual([]);
    expect(transitionProblem(facts({ status: 'closed', publishedAt: new Date() }), 'published')).toBe('engagement.individualised.publish_from_summary');
  });

  it('publishes only from the summary with a final report written, and is public only then', () => {
    expect(publishProblem(facts({ status: 'meeting' }))).toBe('engagement.individualised.publish_from_summary');
    expect(publishProblem(facts({ status: 'summary', finalReport: { en: '   ' } }))).toBe('engagement.individualised.final_report_missing');
    expect(publishProblem(facts({ status: 'summary', finalReport: { fr: 'Rapport' } }))).toBeUndefined();
    expect(isPublic({ publishedAt: null, finalReport: { en: 'x' } })).toBe(false);
    expect(isPublic({ publishedAt: new Date(), finalReport: {} })).toBe(false);
    expect(isPublic({ publishedAt: new Date(), finalReport: { en: 'x' } })).toBe(true);
  });
});

describe('the profile from a report', () => {
  const snapshot = {
    forms: {
      C: { status: 'complete', values: { hazards: { areas: [{ region: 'A:B', kind: 'sha', areaCount: 2, sizeSqm: 100 }, { region: 'A:B', kind: 'sha', areaCount: 1, sizeSqm: 50 }, { region: 'C', kind: 'cha', areaCount: 1 }, { kind: 'cha', areaCount: 9 }] }, plan: { hasPlan: false } } },
      J: { status: 'not_applicable', values: { cooperation: { needs: 'ignored' } } },
    },
  };

  it('adds up areas by kind and region (region names may hold colons), skips rows without a region, ignores forms not applicable', () => {
    const p = profileFromReport(snapshot, '2026-03-01');
    expect(p.figures).toMatchObject({ sha_count: 3, sha_sqm: 150, cha_count: 1, cha_sqm: 0, completion_plan: 'no', article5_deadline: '2026-03-01' });
    expect(p.figures.national_resources).toBeUndefined();
    expect(p.sections).toEqual({});
    expect([...regionFigures(p.figures)]).toEqual([
      ['A:B', { sha_count: 3, sha_sqm: 150 }],
      ['C', { cha_count: 1, cha_sqm: 0 }],
    ]);
  });

  it('counts people without the overlapping disability cells', () => {
    expect(peopleTotal({ female_adult: 2, male_child: 3, disability_female: 2 })).toBe(5);
    expect(peopleTotal({})).toBeUndefined();
    expect(peopleTotal(null)).toBeUndefined();
  });

  it('keeps written texts on a refill unless asked, and knows a newer source', () => {
    const current = { sections: { needs: 'Mine', plans: '' }, figures: { sha_count: 1 } };
    const fill = { figures: { sha_count: 2 }, sections: { needs: 'Report needs', plans: 'Report plans' } };
    const src = { reportId: 'r2', year: 2023, versionNo: 1 };
    expect(refilledProfile(current, src, fill, false)).toEqual({ source: src, sections: { needs: 'Mine', plans: 'Report plans' }, figures: { sha_count: 2 } });
    expect(refilledProfile(current, src, fill, true).sections.needs).toBe('Report needs');
    expect(isNewerSource(undefined, src)).toBe(true);
    expect(isNewerSource(src, undefined)).toBe(false);
    expect(isNewerSource(src, { ...src, versionNo: 2 })).toBe(true);
    expect(isNewerSource(src, src)).toBe(false);
    expect(isNewerSource(src, { reportId: 'r1', year: 2022, versionNo: 3 })).toBe(false);
  });
});
