/**
 * The sprint's budget and WIP, brought up to date after the panel has shown. `panel.get` never searches
 * Jira: when the active sprint has no stored rollup, or a stale one, it says `budgetNeedsUpdate`, and
 * this asks `panel.budget` — once per `panel.get` answer, so the reload after applying a decision
 * updates them again. The panel shows the verdict meanwhile; the budget area shows the stored numbers
 * (or a loading state), then the update, or the failure with a retry.
 */
import { useCallback, useEffect, useState } from 'react';
import { resolver } from '../../api/resolver';
import type { ResolverError } from '../../../../src/contract';
import type { PanelBudgetView, PanelView } from '../../../../src/contract/panel';

export type BudgetUpdate =
  /** Nothing to update: `panel.get`'s numbers are the ones to show. */
  | { readonly state: 'current' }
  | { readonly state: 'updating' }
  | { readonly state: 'failed'; readonly error: ResolverError; readonly retry: () => void }
  /** `answer.budget` is null when the sprint could not be measured: `answer.notes` say why. */
  | { readonly state: 'updated'; readonly answer: PanelBudgetView; readonly retry: () => void };

type Answer = { readonly state: 'failed'; readonly error: ResolverError } | { readonly state: 'updated'; readonly answer: PanelBudgetView };

/**
 * `view` is the latest `panel.get` answer (a new object each time it loads). `wanted` is false when no
 * one would see the budget (a read-only user: the budget is part of what applying will do), which
 * spares Jira the sprint's update.
 */
export function useBudgetUpdate(view: PanelView | null, wanted: boolean): BudgetUpdate {
  const [attempt, setAttempt] = useState(0);
  // The answer, with the `panel.get` view and the attempt it answers: an older one is not shown.
  const [answered, setAnswered] = useState<{ readonly view: PanelView; readonly attempt: number; readonly answer: Answer } | null>(null);
  const needed = view !== null && view.budgetNeedsUpdate && wanted;

  useEffect(() => {
    if (!needed || view === null) return undefined;
    let live = true;
    void resolver.panel.budget().then((envelope) => {
      if (!live) return;
      setAnswered({ view, attempt, answer: envelope.ok ? { state: 'updated', answer: envelope.data } : { state: 'failed', error: envelope.error } });
    });
    return () => {
      live = false;
    };
  }, [view, needed, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  if (!needed) return { state: 'current' };
  if (!answered || answered.view !== view || answered.attempt !== attempt) return { state: 'updating' };
  return { ...answered.answer, retry };
}

/**
 * The panel view with the update's budget and WIP in place of the stored ones, once it has answered
 * with a budget. An answer without one (Jira failed, the sprint could not be measured) keeps the stored
 * numbers, which the budget area marks "as of" next to the answer's notes.
 */
export function withUpdatedBudget(view: PanelView, update: BudgetUpdate): PanelView {
  return update.state === 'updated' && update.answer.budget !== null ? { ...view, budget: update.answer.budget, wip: update.answer.wip } : view;
}
