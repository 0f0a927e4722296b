// The reader's shell. Having a layout here also gives notFound() in reader
// routes its own boundary (./not-found.tsx), rendered on the server.
export default function ReaderLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <a
        href="#main"
        className="sr-only z-50 rounded bg-white p-3 text-blue-800 focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:outline-3 focus:outline-blue-600"
      >
        跳到正文
      </a>
      {children}
    </>
  );
}
