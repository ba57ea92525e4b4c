import type { PageProps } from '../pages/props.ts';

/** Every home section gets the home page's context and data. */
export type HomeProps = PageProps<'home'>;
