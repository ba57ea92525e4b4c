import { type Ref, ref } from 'vue';

const FALLBACK = 'Das hat nicht geklappt. Bitte versuchen Sie es erneut.';

/** What a failed API call says to the person: Directus's (German) error messages, or `fallback`. */
export function messageOf(e: unknown, fallback = FALLBACK): string {
  const response = (e as { response?: { data?: { errors?: { message?: string }[] } } }).response;
  const messages = (response?.data?.errors ?? []).map((x) => x.message).filter(Boolean);
  return messages.length ? messages.join(' ') : fallback;
}

/**
 * The loading and error state of a page's data: `run` marks it loading while `load` runs and keeps the
 * error message for the page's notice (cleared by the next success); what `load` answers is returned.
 */
export function useRequest(fallback = FALLBACK): {
  loading: Ref<boolean>;
  error: Ref<string | null>;
  run: <T>(load: () => Promise<T>) => Promise<T | undefined>;
} {
  const loading = ref(false);
  const error = ref<string | null>(null);
  async function run<T>(load: () => Promise<T>): Promise<T | undefined> {
    loading.value = true;
    try {
      const result = await load();
      error.value = null;
      return result;
    } catch (e) {
      error.value = messageOf(e, fallback);
      return undefined;
    } finally {
      loading.value = false;
    }
  }
  return { loading, error, run };
}
