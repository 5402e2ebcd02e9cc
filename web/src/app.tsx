/**
 * The workbench shell: sign-in, a header saying who is signed in, their role and the list
 * versions in use, the navigation, and the page of the current hash route.
 */
import { useCallback, useEffect, useState } from 'react';
import { ApiError, api, setCsrfToken } from './api-client.js';
import type { SessionInfo } from './api-types.js';
import { href, useHashRoute } from './hash-route.js';
import { type Language, TextsContext, initialLanguage, languages } from './i18n.js';
import { AlertPage } from './pages/alert-page.js';
import { AlertQueuePage } from './pages/alert-queue-page.js';
import { AuditPage } from './pages/audit-page.js';
import { CasePage } from './pages/case-page.js';
import { CasesPage } from './pages/cases-page.js';
import { InspectionsPage } from './pages/inspections-page.js';
import { ListsPage } from './pages/lists-page.js';
import { NewPasswordPage } from './pages/new-password-page.js';
import { ScreeningPage } from './pages/screening-page.js';
import { SignInPage } from './pages/sign-in-page.js';
import { WarningPage } from './pages/warning-page.js';

export function App() {
  const [language, setLanguage] = useState<Language>(initialLanguage);
  const [session, setSession] = useState<SessionInfo | null | undefined>(undefined);
  const route = useHashRoute();
  const t = languages[language];

  const loadSession = useCallback(async () => {
    try {
      const info = await api<SessionInfo>('GET', '/auth/session');
      setCsrfToken(info.csrfToken);
      setSession(info);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) setSession(null);
      else throw error;
    }
  }, []);

  useEffect(() => {
    void loadSession();
  }, [loadSession]);

  useEffect(() => {
    document.documentElement.lang = language;
    localStorage.setItem('sentinela.language', language);
  }, [language]);

  const signOut = async () => {
    await api('POST', '/auth/sign-out');
    setCsrfToken(undefined);
    setSession(null);
  };

  const languagePicker = (
    <label className="language">
      {t.language}{' '}
      <select value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
        <option value="en">English</option>
        <option value="es">Español</option>
      </select>
    </label>
  );

  if (session === undefined) {
    return (
      <TextsContext.Provider value={t}>
        <main className="centered">{t.loading}</main>
      </TextsContext.Provider>
    );
  }
  if (session === null) {
    return (
      <TextsContext.Provider value={t}>
        <SignInPage onSignedIn={loadSession} languagePicker={languagePicker} />
      </TextsContext.Provider>
    );
  }

  if (session.mustChangePassword) {
    return (
      <TextsContext.Provider value={t}>
        <NewPasswordPage onChanged={loadSession} />
      </TextsContext.Provider>
    );
  }

  const nav: [string, string][] = [
    ['screening', t.navScreening],
    ['alerts', t.navQueue],
    ['cases', t.navCases],
    ['inspections', t.navInspections],
    ['warning', t.navWarning],
    ['lists', t.navLists],
    ['audit', t.navAudit],
  ];
  const activePage = route.page === 'case' ? 'cases' : route.page === 'alert' ? 'alerts' : route.page;

  return (
    <TextsContext.Provider value={t}>
      <header className="topbar">
        <strong className="brand">{t.appName}</strong>
        <nav aria-label="Main">
          {nav.map(([page, label]) => (
            <a key={page} href={href(page)} aria-current={activePage === page ? 'page' : undefined}>
              {label}
            </a>
          ))}
        </nav>
        <div className="who">
          <span data-testid="signed-in-user">
            {t.signedInAs} <strong>{session.user.name}</strong> ({t.role} {session.user.role})
          </span>
          {session.lists && session.lists.length > 0 && (
            <span className="lists-in-use" title={t.listsInUse}>
              {t.listsInUse}: {session.lists.map((l) => `${l.list}@${l.version}`).join(', ')}
            </span>
          )}
          {languagePicker}
          <button type="button" onClick={signOut}>
            {t.signOut}
          </button>
        </div>
      </header>
      <main>
        {route.page === 'screening' && <ScreeningPage />}
        {route.page === 'alerts' && <AlertQueuePage user={session.user.name} />}
        {route.page === 'alert' && route.id && <AlertPage alertId={route.id} />}
        {route.page === 'cases' && <CasesPage />}
        {route.page === 'case' && route.id && <CasePage caseId={route.id} user={session.user} />}
        {route.page === 'lists' && <ListsPage />}
        {route.page === 'audit' && <AuditPage />}
        {route.page === 'inspections' && <InspectionsPage />}
        {route.page === 'warning' && <WarningPage />}
      </main>
    </TextsContext.Provider>
  );
}
