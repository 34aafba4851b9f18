import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { Framework } from '../../core/model/framework.ts';
import { reportUnavailableStorage } from './storage-status.ts';

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

interface SkillscopeDb extends DBSchema {
  drafts: { key: string; value: StoredDraft };
  responses: { key: string; value: StoredResponse; indexes: { bySubject: [string, string] } };
  frameworks: { key: string; value: StoredFramework };
  settings: { key: string; value: unknown };
}

export const DB_NAME = 'skillscope';
let opening: Promise<IDBPDatabase<SkillscopeDb>> | null = null;

/** One connection for the page; idb turns IndexedDB's events into promises. */
export function database(): Promise<IDBPDatabase<SkillscopeDb>> {
  if (opening === null) {
    // async: a browser that blocks storage may throw from indexedDB.open itself; callers get a rejection.
    const attempt = (async () => openDB<SkillscopeDb>(DB_NAME, 1, {
      upgrade(db) {
        db.createObjectStore('drafts', { keyPath: 'key' });
        db.createObjectStore('responses', { keyPath: 'responseId' }).createIndex('bySubject', ['subjectId', 'frameworkId']);
        db.createObjectStore('frameworks', { keyPath: 'id' });
        db.createObjectStore('settings');
      },
    }))();
    opening = attempt;
    attempt.catch((error: unknown) => {
      opening = null;
      reportUnavailableStorage(error); // DESIGN.md: a refused storage is told, never silent
    });
  }
  return opening;
}
