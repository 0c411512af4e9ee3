import { defineAction, type ActionTable } from '../runtime';
import {
  HandleSuggestionInput, ListSuggestionsInput, MySuggestionPage, MySuggestionsInput, SubmitSuggestionInput, SuggestionIdInput, SuggestionPage,
  SuggestionView,
} from './suggestions.schemas';
import { handleSuggestion, listSuggestions, mySuggestions, submitSuggestion, withdrawSuggestion } from './suggestions';

/** 建议 (004 §二.2(3)): a member's suggestions to the community and the secretary's answers. */
export const suggestionActions: ActionTable = {
  submitSuggestion: defineAction({
    summary: '党员向所在社区提出建议（类别、内容5–500字）；除撤回的以外，当年提出的建议计入考核',
    access: 'user',
    input: SubmitSuggestionInput,
    output: SuggestionView,
    errors: [],
    run: submitSuggestion,
  }),
  mySuggestions: defineAction({
    summary: '我提出的建议及社区的答复，最新在前，并给出今年计入考核的条数',
    access: 'user',
    input: MySuggestionsInput,
    output: MySuggestionPage,
    errors: [],
    run: mySuggestions,
  }),
  withdrawSuggestion: defineAction({
    summary: '党员撤回尚未处理的建议（撤回后不计入考核）',
    access: 'user',
    input: SuggestionIdInput,
    output: SuggestionView,
    errors: ['SUGGESTION_NOT_FOUND', 'SUGGESTION_ALREADY_HANDLED'],
    run: withdrawSuggestion,
  }),
  listSuggestions: defineAction({
    summary: '本社区收到的建议（书记/管理员），待处理的在前，可按状态筛选，并给出待处理条数',
    access: 'user',
    input: ListSuggestionsInput,
    output: SuggestionPage,
    errors: [],
    run: listSuggestions,
  }),
  handleSuggestion: defineAction({
    summary: '书记处理建议：答复、转交（写明转交给谁）或采纳（写明答复）；已转交的可在有结果后答复或采纳',
    access: 'user',
    input: HandleSuggestionInput,
    output: SuggestionView,
    errors: ['SUGGESTION_NOT_FOUND', 'SUGGESTION_ALREADY_HANDLED', 'SUGGESTION_WITHDRAWN'],
    run: handleSuggestion,
  }),
};
