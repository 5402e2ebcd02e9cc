/** After signing in with a one-time password: nothing else is allowed until a new one is set. */
import { type FormEvent, useState } from 'react';
import { api } from '../api-client.js';
import { useTexts } from '../i18n.js';

export function NewPasswordPage({ onChanged }: { onChanged: () => Promise<void> }) {
  const t = useTexts();
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (password !== again) {
      setError(t.passwordsDiffer);
      return;
    }
    try {
      await api('POST', '/auth/password', { newPassword: password });
      await onChanged();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <main className="centered">
      <form className="card sign-in" onSubmit={submit}>
        <h1>{t.newPasswordTitle}</h1>
        <p>{t.newPasswordHelp}</p>
        <label>
          {t.newPassword}
          <input
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </label>
        <label>
          {t.newPasswordAgain}
          <input
            type="password"
            autoComplete="new-password"
            value={again}
            onChange={(e) => setAgain(e.target.value)}
            required
          />
        </label>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit">{t.save}</button>
      </form>
    </main>
  );
}
