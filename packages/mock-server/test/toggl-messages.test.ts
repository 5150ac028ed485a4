import { describe, expect, it } from 'vitest';
import {
  atLeastOneParameter,
  incorrectCredentials,
  invalidToken,
  invalidWorkspaceId,
  notAllowed,
  notFound,
  notSupported,
  unableToExtractAuthentication,
  workspaceNotAccessible,
} from '../src/toggl-messages.ts';
import { exampleMessage } from './spec.ts';

describe('Toggl message wording', () => {
  it('matches the messages documented in the spec', () => {
    expect(notSupported('hide_amounts')).toBe(exampleMessage('ParameterNotSupported'));
    expect(notAllowed('rounding_minutes', '0, 1, 5, 6, 10, 12, 15, 30, 60, 240')).toBe(exampleMessage('InvalidParameterValue'));
    expect(atLeastOneParameter).toBe(exampleMessage('AtLeastOneParameter'));
    expect(unableToExtractAuthentication).toBe(exampleMessage('UnableToExtractAuthentication'));
    expect(incorrectCredentials).toBe(exampleMessage('IncorrectCredentials'));
    expect(invalidWorkspaceId).toBe(exampleMessage('InvalidWorkspaceId'));
    expect(workspaceNotAccessible).toBe(exampleMessage('WorkspaceNotAccessible'));
    expect(notFound).toBe(exampleMessage('NotFound'));
    expect(invalidToken).toBe(exampleMessage('InvalidToken'));
  });
});
