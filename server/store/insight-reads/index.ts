/**
 * The reads behind the insights views, one file per view (kit.ts says how they are written):
 * `store.insights` on every backend, each read given the backend's runner.
 */

import type { LearnerSetKind } from '../../insights/learner-sets';
import * as content from './content';
import * as gaps from './gaps';
import * as guidance from './guidance';
import type { ReadRunner } from './kit';
import * as learning from './learning';
import * as people from './people';
import type { InsightRange as R } from './types';

export type { ReadRunner } from './kit';
export type * from './types';

export class InsightReads {
  constructor(private readonly run: ReadRunner) {}

  screenDays = (r: R) => gaps.screenDays(this.run, r);
  visibleQueries = (r: R, k: number) => gaps.visibleQueries(this.run, r, k);
  topQueries = (r: R, k: number, top: number) => gaps.topQueries(this.run, r, k, top);
  contentRequestTotals = (r: R) => gaps.contentRequestTotals(this.run, r);
  contentRequestWords = (r: R, limit: number) => gaps.contentRequestWords(this.run, r, limit);

  itemTotals = (r: R) => content.itemTotals(this.run, r);
  itemDays = (r: R, item: string) => content.itemDays(this.run, r, item);
  itemScreenTotals = (r: R, app: string, screen: string) =>
    content.itemScreenTotals(this.run, r, app, screen);
  feedbackTotals = (r: R) => content.feedbackTotals(this.run, r);

  tipDays = (r: R) => guidance.tipDays(this.run, r);
  tipTotals = (r: R) => guidance.tipTotals(this.run, r);
  tipFailingDays = (r: R) => guidance.tipFailingDays(this.run, r);

  lessonSteps = (r: R) => learning.lessonSteps(this.run, r);
  lessonCompletions = (r: R) => learning.lessonCompletions(this.run, r);
  questionTotals = (r: R) => learning.questionTotals(this.run, r);
  pathTotals = (r: R) => learning.pathTotals(this.run, r);
  newHireRuns = (r: R, withinDays: number) => learning.newHireRuns(this.run, r, withinDays);
  learnerCounts = (r: R, by: LearnerSetKind) => learning.learnerCounts(this.run, r, by);

  peopleWeeks = (fromWeek: string, toWeek: string) =>
    people.peopleWeeks(this.run, fromWeek, toWeek);
  teamTotals = (r: R) => people.teamTotals(this.run, r);
  teamQuestionTotals = (r: R) => people.teamQuestionTotals(this.run, r);
  helpdeskMoments = (r: R) => people.helpdeskMoments(this.run, r);
  cohortAgents = (r: R) => people.cohortAgents(this.run, r);
}
