import { type DBSchema, type IDBPDatabase, openDB, type StoreNames } from 'idb';
import type { Framework } from '../../core/model/framework.ts';
import { moveVersion1Settings } from './upgrade-to-v2.ts';
import { clearBlockedUpgrade, onStorageProblem, reportBlockedUpgrade, reportUnavailableStorage } from './storage-status.ts';

export type StoredDraft = {
  key: string;
  surveyId: string;
  version: string;
  subjectId: string;
  rater: string;
  data: Record<string, unknown>;
  pageNo: number;
  updatedAt: string;
};

/** A response as its response file's JSON text (DESIGN.md), validated again when read. */
export type StoredResponse = { responseId: string; subjectId: string; frameworkId: string; json: string; storedAt: string };

export type StoredFramework = { id: string; framework: Framework; file: string; addedAt: string };

/** A rater's own submitted response, as its response file's JSON text. */
export type StoredSubmission = { invitationId: string; json: string };

/** The collection address took this response: reopening the link must not send it again. */
export type StoredDelivery = { responseId: string; endpoint: string };

/** The sealed file's bytes and the sealed code: only the coach's key opens either. */
export type StoredSealedSubmission = { invitationId: string; campaignId: string; sealed: Uint8Array; code: string; submittedOn: string };

/** A report as its signed text, verified again whenever it is read. */
export type StoredReport = { campaignId: string; jws: string; importedAt: string };

/**
 * The coach's key, only as its passphrase backup (an armored age scrypt file): the plain key is
 * never stored. The public parts are kept beside it so the page can show the fingerprint while
 * the key is locked; they are checked against the key whenever it is unlocked.
 */
export type StoredCoachKey = { id: string; backup: Uint8Array; recipient: string; fingerprint: string; createdAt: string };

/** A campaign the coach made: the signed manifest, and each invitation's secret token (the coach's only). */
export type StoredCampaign = {
  campaignId: string;
  jws: string;
  invitations: { invitationId: string; group: string; token: string }[];
  createdAt: string;
  /** The last report issued: its day and the invitations it counted, for the late-response check. */
  issued: { issuedOn: string; counted: { invitationId: string; group: string }[] } | null;
};

/** A sealed file or code (or the learner's own plain self-assessment) the coach imported for a campaign. */
export type StoredSealedInput = { id: string; campaignId: string; kind: 'sealed' | 'self'; name: string; data: Uint8Array | string; addedAt: string };

/**
 * One invitation a learner made, as the code its link carries, so core's decoder checks it on
 * every read; or as version 1 kept it (`{ invitation, createdAt }`), moved by the upgrade as it
 * was and read through the same decoder.
 */
export type StoredInvitation =
  | { frameworkId: string; subjectId: string; code: string; createdAt: string }
  | { frameworkId: string; subjectId: string; version1: unknown };

/**
 * The stores as the app writes them. Responses, submissions, delivery marks, invitations and the
 * learner are read back as `unknown` and validated by their module: a browser's storage holds
 * whatever an older version, another tab or a user with developer tools put there.
 */
export interface SkillscopeDb extends DBSchema {
  drafts: { key: string; value: StoredDraft };
  responses: { key: string; value: StoredResponse; indexes: { bySubject: [string, string] } };
  frameworks: { key: string; value: StoredFramework };
  /** The learner and the persistent-storage question; nothing else since version 2. */
  settings: { key: string; value: unknown };
  submissions: { key: string; value: StoredSubmission };
  deliveries: { key: [string, string]; value: StoredDelivery };
  /** Auto-increment keys keep the order the links were made in ("Peer 1, Peer 2"). */
  invitations: { key: number; value: StoredInvitation; indexes: { byLearner: [string, string] } };
  /** A rater's sealed response to a confidential invitation, so reopening the link shows it again. */
  sealedSubmissions: { key: string; value: StoredSealedSubmission };
  /** Signed 360 reports the learner imported, by campaign. */
  reports: { key: string; value: StoredReport };
  /** The coach's key, wrapped by a passphrase (one per browser). */
  coachKeys: { key: string; value: StoredCoachKey };
  /** The coach's campaigns, with the tokens of their invitations. */
  campaigns: { key: string; value: StoredCampaign };
  /** What the coach imported for each campaign, kept so a reload loses nothing. */
  sealedInputs: { key: string; value: StoredSealedInput; indexes: { byCampaign: string } };
}

export const STORES: readonly StoreNames<SkillscopeDb>[] = [
  'drafts', 'responses', 'frameworks', 'settings', 'submissions', 'deliveries', 'invitations', 'sealedSubmissions', 'reports', 'coachKeys', 'campaigns', 'sealedInputs',
];

export const DB_NAME = 'skillscope';
export const DB_VERSION = 4;
let opening: Promise<IDBPDatabase<SkillscopeDb>> | null = null;

/**
 * One connection for the page; idb turns IndexedDB's events into promises. Only the modules of
 * src/app/storage call it: the rest of the app reads and writes through them.
 */
export function database(): Promise<IDBPDatabase<SkillscopeDb>> {
  if (opening === null) {
    // async: a browser that blocks storage may throw from indexedDB.open itself; callers get a rejection.
    const attempt = (async () => {
      const db = await openDB<SkillscopeDb>(DB_NAME, DB_VERSION, {
        upgrade(upgrading, oldVersion, _newVersion, tx) {
          if (oldVersion < 1) {
            upgrading.createObjectStore('drafts', { keyPath: 'key' });
            upgrading.createObjectStore('responses', { keyPath: 'responseId' }).createIndex('bySubject', ['subjectId', 'frameworkId']);
            upgrading.createObjectStore('frameworks', { keyPath: 'id' });
            upgrading.createObjectStore('settings');
          }
          if (oldVersion < 2) {
            upgrading.createObjectStore('submissions', { keyPath: 'invitationId' });
            upgrading.createObjectStore('deliveries', { keyPath: ['responseId', 'endpoint'] });
            upgrading.createObjectStore('invitations', { autoIncrement: true }).createIndex('byLearner', ['frameworkId', 'subjectId']);
            // In this transaction: the upgrade commits with the data moved, or not at all.
            void moveVersion1Settings(tx);
          }
          if (oldVersion < 3) {
            upgrading.createObjectStore('sealedSubmissions', { keyPath: 'invitationId' });
            upgrading.createObjectStore('reports', { keyPath: 'campaignId' });
          }
          if (oldVersion < 4) {
            upgrading.createObjectStore('coachKeys', { keyPath: 'id' });
            upgrading.createObjectStore('campaigns', { keyPath: 'campaignId' });
            upgrading.createObjectStore('sealedInputs', { keyPath: 'id' }).createIndex('byCampaign', 'campaignId');
          }
        },
        // A tab still running an older Skillscope holds the database open at its version.
        blocked: () => reportBlockedUpgrade(),
        // A newer Skillscope in another tab needs this connection closed to upgrade; the next read here reopens.
        blocking: () => forget(),
        terminated: () => forget(),
      });
      clearBlockedUpgrade();
      return db;
    })();
    opening = attempt;
    attempt.catch((error: unknown) => {
      opening = null;
      reportUnavailableStorage(error); // DESIGN.md: a refused storage is told, never silent
    });
  }
  return opening;
}

function forget(): void {
  const closing = opening;
  opening = null;
  void closing?.then((db) => db.close(), () => undefined);
}

/**
 * Opens the database ahead of the first read, which a cold start makes slow. Settles once it is
 * open, has failed (reported by database()), or waits on an older tab: the page is then drawn
 * with the banner that says so, instead of staying blank until that tab closes.
 */
export async function openStorageEarly(): Promise<void> {
  let stop = () => {};
  const blocked = new Promise<void>((resolve) => {
    stop = onStorageProblem((problem) => problem?.kind === 'blocked' && resolve());
  });
  await Promise.race([database().catch(() => undefined), blocked]);
  stop();
}
