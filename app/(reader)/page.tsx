import { homeMetadata, renderHome } from "./_routes/views";

export const generateMetadata = () => homeMetadata();

export default async function HomeRoute() {
  return renderHome();
}
