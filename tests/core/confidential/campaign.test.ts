import { describe, expect, it } from 'vitest';
import { createCampaign } from '../../../src/core/confidential/campaign.ts';
import { generateCoachIdentity } from '../../../src/core/confidential/coach-identity.ts';
import { readCsv, writeCsv } from '../../../src/core/io/csv-format.ts';
import { DEFAULT_THRESHOLDS } from '../../../src/core/score/thresholds.ts';
import { builtinFramework } from '../../support/builtin-frameworks.ts';

describe('createCampaign', () => {
  it('issues tokens and ids that invitations.csv keeps exactly as they are, so a token copied from it still matches', async () => {
    const campaign = await createCampaign(
      { framework: builtinFramework('css-ai-at-work'), learner: { name: 'Ana', subjectId: 'ana' }, coachName: 'Dana', groups: { peer: 400, other: 100 }, thresholds: DEFAULT_THRESHOLDS, createdOn: '2026-11-29', closesOn: '2026-12-31' },
      await generateCoachIdentity(),
    );
    const rows = campaign.invitations.map((invitation) => [invitation.invitationId, invitation.token]);
    // A spreadsheet-safe writer puts a ' before text starting with = + - @: a random base64url
    // token starts with - one time in 64, and then would no longer be the token as written.
    const text = writeCsv(['invitation_id', 'token'], rows).slice(1);
    expect(text.split('\r\n').slice(1, -1).map((line) => line.split(','))).toEqual(rows);
    const read = readCsv(text, 'invitations.csv');
    expect(read.ok && read.value.rows).toEqual(rows);
    expect(new Set(campaign.invitations.map((invitation) => invitation.token)).size).toBe(500);
  });
});
