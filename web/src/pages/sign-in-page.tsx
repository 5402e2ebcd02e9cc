/** Sign-in with user name and password; the server sets an HttpOnly session cookie. */
import { type FormEvent, type ReactNode, useState } from 'react';
import { api } from '../api-client.js';
import { useTexts } from '../i18n.js';

export function SignInPage({
  onSignedIn,
  languagePicker,
}: {
  onSignedIn: () => Promise<void>;
  languagePicker: ReactNode;
}) {
  const t = useTexts();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      await api('POST', '/auth/sign-in', { username, password });
      await onSignedIn();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <main className="centered">
      <form className="card sign-in" onSubmit={submit}>
        <h1>{t.appName}</h1>
        <label>
          {t.username}
          <input
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            required
          />
        </label>
        <label>
          {t.password}
          <input
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </label>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit">{t.signIn}</button>
        {languagePicker}
      </form>
    </main>
  );
}
