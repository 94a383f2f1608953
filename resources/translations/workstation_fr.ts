<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en_GB">
    <context>
        <name>MainWindow</name>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Aide</translation>
        </message>
        <message>
            <source>&amp;Keyboard shortcuts…</source>
            <translation>&amp;Raccourcis clavier…</translation>
        </message>
        <message>
            <source>Copy &amp;diagnostics…</source>
            <translation>Copier les &amp;diagnostics…</translation>
        </message>
        <message>
            <source>&amp;About Editorial Workstation</source>
            <translation>À &amp;propos d’Editorial Workstation</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Fichier</translation>
        </message>
        <message>
            <source>&amp;New article</source>
            <translation>&amp;Nouvel article</translation>
        </message>
        <message>
            <source>Recent &amp;articles</source>
            <translation>&amp;Articles récents</translation>
        </message>
        <message>
            <source>&amp;Import Markdown…</source>
            <translation>&amp;Importer du Markdown…</translation>
        </message>
        <message>
            <source>&amp;Export Markdown…</source>
            <translation>&amp;Exporter en Markdown…</translation>
        </message>
        <message>
            <source>&amp;Save revision</source>
            <translation>&amp;Enregistrer une révision</translation>
        </message>
        <message>
            <source>&amp;Revisions…</source>
            <translation>&amp;Révisions…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quitter</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>É&amp;dition</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Annuler</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>&amp;Rétablir</translation>
        </message>
        <message>
            <source>Cu&amp;t</source>
            <translation>Co&amp;uper</translation>
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation>&amp;Copier</translation>
        </message>
        <message>
            <source>&amp;Paste</source>
            <translation>C&amp;oller</translation>
        </message>
        <message>
            <source>Select &amp;all</source>
            <translation>&amp;Tout sélectionner</translation>
        </message>
        <message>
            <source>&amp;Find…</source>
            <translation>&amp;Rechercher…</translation>
        </message>
        <message>
            <source>Find &amp;next</source>
            <translation>Occurrence &amp;suivante</translation>
        </message>
        <message>
            <source>Find pre&amp;vious</source>
            <translation>Occurrence &amp;précédente</translation>
        </message>
        <message>
            <source>&amp;Replace…</source>
            <translation>R&amp;emplacer…</translation>
        </message>
        <message>
            <source>Se&amp;ttings…</source>
            <translation>&amp;Paramètres…</translation>
        </message>
        <message>
            <source>&amp;Article</source>
            <translation>&amp;Article</translation>
        </message>
        <message>
            <source>Set &amp;status</source>
            <translation>Changer le &amp;statut</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Affichage</translation>
        </message>
        <message>
            <source>Article &amp;list</source>
            <translation>&amp;Liste des articles</translation>
        </message>
        <message>
            <source>&amp;Preview</source>
            <translation>&amp;Aperçu</translation>
        </message>
        <message>
            <source>Zoom &amp;in</source>
            <translation>Zoom &amp;avant</translation>
        </message>
        <message>
            <source>Zoom &amp;out</source>
            <translation>Zoom a&amp;rrière</translation>
        </message>
        <message>
            <source>&amp;Reset zoom</source>
            <translation>&amp;Taille réelle</translation>
        </message>
        <message>
            <source>&amp;Schedule…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Unpublish…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Accounts and sign-in…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Outbox</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Editorial Workstation</source>
            <translation>Editorial Workstation</translation>
        </message>
        <message>
            <source>Opening…</source>
            <translation>Ouverture…</translation>
        </message>
        <message numerus="yes">
            <source>Loaded %n fictional demo articles into the archive.</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
        <message>
            <source>No article open</source>
            <translation>Aucun article ouvert</translation>
        </message>
        <message>
            <source>Cannot open the data dir</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot open %s: %s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%s — Editorial Workstation</source>
            <translation>%s — Editorial Workstation</translation>
        </message>
        <message>
            <source>Saved</source>
            <translation>Enregistré</translation>
        </message>
        <message>
            <source>Editing…</source>
            <translation>Modification…</translation>
        </message>
        <message>
            <source>Saved %s</source>
            <translation>Enregistré à %s</translation>
        </message>
        <message numerus="yes">
            <source>%n words</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>%n min read</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
        <message>
            <source>Preview zoom %1 %</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Untitled draft</source>
            <translation>Brouillon sans titre</translation>
        </message>
        <message>
            <source>Import Markdown</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Markdown (*.md *.markdown)</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Imported %n article(s).</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
        <message>
            <source>Nothing imported</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export Markdown</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Markdown (*.md)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Exported to %s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Settings saved.</source>
            <translation>Paramètres enregistrés.</translation>
        </message>
    </context>
    <context>
        <name>PublishController</name>
        <message>
            <source>&amp;Publish</source>
            <translation>&amp;Publier</translation>
        </message>
        <message>
            <source>Publishing is unavailable: %s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unpublish</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Take “%s” off the site? Its address will say it was withdrawn.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Publishing…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unpublishing…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Live: &lt;a href="%s"&gt;%s&lt;/a&gt;</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Taken down</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Checking the token…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Account %s saved</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>AboutDialog</name>
        <message>
            <source>About Editorial Workstation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;h2&gt;Editorial Workstation %1&lt;/h2&gt;&lt;p&gt;Write, review and publish trade-press news, offline first.&lt;/p&gt;&lt;p&gt;Licensed under the MIT licence. It bundles the components below, each under its own licence.&lt;/p&gt;</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Bundled components and their licences</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Component</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Version</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Licence</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>AccountDialog</name>
        <message>
            <source>Publishing account</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Publish here by default</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Service URL:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Token:</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ArticleListPanel</name>
        <message>
            <source>Filter by status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All articles</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Search headlines</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Articles</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Autosaver</name>
        <message>
            <source>Could not save: %s</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ChecklistDialog</name>
        <message>
            <source>Not ready to publish</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Fix these, then publish again:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Problems</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Why these may stand (kept with the revision)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Override note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Publish anyway</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CommentsPanel</name>
        <message>
            <source>Comments</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Comment on the selected words…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New comment</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Comment</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Resolve</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Conflicting edits: compare…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> (resolved)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> (not sent yet)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Move to %s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%s since %s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Also open: %s</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ConflictDialog</name>
        <message>
            <source>Resolve a conflict</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The service's version</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Your version</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Theirs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Yours</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep mine</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep theirs</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DiagnosticsDialog</name>
        <message>
            <source>Diagnostics</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Include the open article's &amp;text</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Diagnostics report</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Copy to clipboard</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>FindBar</name>
        <message>
            <source>Find</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Find text</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Replace with</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Replacement text</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Match &amp;case</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Whole words</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Next</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Previous</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Replace</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Replace &amp;all</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not found</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n replaced</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
    </context>
    <context>
        <name>InboxPanel</name>
        <message>
            <source>Drafts waiting for subbing</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sync now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nothing waiting.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> — open by %s</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MarkdownEditor</name>
        <message>
            <source>Article body (Markdown)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MetadataForm</name>
        <message>
            <source>Names separated by commas</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Section</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tags separated by commas</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Site default</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show the newsletter &amp;call to action</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Headline</source>
            <translation>&amp;Titre</translation>
        </message>
        <message>
            <source>&amp;Standfirst</source>
            <translation>&amp;Chapô</translation>
        </message>
        <message>
            <source>&amp;Byline</source>
            <translation>&amp;Signature</translation>
        </message>
        <message>
            <source>S&amp;ection</source>
            <translation>R&amp;ubrique</translation>
        </message>
        <message>
            <source>&amp;Tags</source>
            <translation>&amp;Mots-clés</translation>
        </message>
        <message>
            <source>&amp;Audience notice</source>
            <translation>&amp;Avertissement au lecteur</translation>
        </message>
        <message>
            <source>Show the newsletter call to action</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>OutboxPanel</name>
        <message>
            <source>Outbox jobs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Retry</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Publish mine anyway</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>For a conflict: replace what is on the service with this version</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Refresh</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PreviewPane</name>
        <message>
            <source>Simplified preview: QtWebEngine is not installed, so the page is shown without the site's full layout.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The preview could not be updated: %s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The preview stopped working: its renderer crashed %1 times.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The preview's renderer stopped (exit code %1); the preview was reloaded.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Preview (simplified)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Preview</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ProblemsPanel</name>
        <message>
            <source>Severity</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Field</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Line</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Message</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>House style problems</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Fix</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Apply the suggested fix (one undo step)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Fix all &amp;safe</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Apply every fix that needs no judgement (quotes, spelling, dates...)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Add to dictionary</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Error</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Warning</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Suggestion</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Headline</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Standfirst</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Body</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Spelling</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{0} errors, {1} warnings, {2} suggestions, {3} spelling</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RecentMenu</name>
        <message>
            <source>No recent articles</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Clear list</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RelatedPanel</name>
        <message>
            <source>Search the whole archive…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Suggested related articles</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Search the archive</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Archive search results</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Chosen related articles</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Suggestions appear as you write.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;b&gt;Suggested&lt;/b&gt;</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;b&gt;Chosen&lt;/b&gt; (drag to reorder)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Why: %s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>shared terms: %s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>shared tags: %s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>same section (%s)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>similar wording</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stories like this one, best first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No related stories in the archive yet.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not in the archive: %s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{count} of {maximum} (the maximum)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{count} of {maximum}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Related articles</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RevisionsDialog</name>
        <message>
            <source>Revisions</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Revision text</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Restore this revision</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ScheduleDialog</name>
        <message>
            <source>Schedule publication</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Publish at:</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Settings</source>
            <translation>Paramètres</translation>
        </message>
        <message>
            <source>The default account</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Follow the system</source>
            <translation>Suivre le système</translation>
        </message>
        <message>
            <source>Light</source>
            <translation>Clair</translation>
        </message>
        <message>
            <source>Dark</source>
            <translation>Sombre</translation>
        </message>
        <message>
            <source>&amp;Site name:</source>
            <translation>Nom du &amp;site :</translation>
        </message>
        <message>
            <source>&amp;Audience notice:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Newsletter text:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Newsletter &amp;link text:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Newsletter &amp;URL:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Preview &amp;font size:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Auto&amp;save after a pause of:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Default publish &amp;target:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>T&amp;heme:</source>
            <translation>T&amp;hème :</translation>
        </message>
    </context>
    <context>
        <name>ShortcutsDialog</name>
        <message>
            <source>Keyboard shortcuts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Menu</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Action</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keys</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>StyleChecker</name>
        <message>
            <source>Headline house style problems</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Spell checking is off: no British English word list was found. Install the ‘{0}’ package, or set {1} to a word list file.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The site house style cannot be used ({0}); checking with the default.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Problems</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SyncIndicator</name>
        <message>
            <source>Sync: no account</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add a publishing account to sync drafts with the newsroom.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Syncing…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>pulled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>pushed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Syncing… %s %s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>● Online · synced %s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>○ Offline · changes queued</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>WelcomeDialog</name>
        <message>
            <source>Welcome to Editorial Workstation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;h2&gt;Welcome&lt;/h2&gt;&lt;p&gt;The workstation does three jobs:&lt;/p&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Write&lt;/b&gt;: start a story with File › New article (Ctrl+N). It is saved as you type, even offline, and the preview beside it is the page readers will get.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Review&lt;/b&gt;: move it through Article › Set status (submitted, in subbing, approved); house style is checked as you type and every change is kept as a revision.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Publish&lt;/b&gt;: Publish › Publish now sends it to your site; nothing is lost or sent twice, even when the network drops.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;To try things out, the archive has been filled with fictional demo stories (no real people or events). Run &lt;code&gt;workstation demo load&lt;/code&gt; to load them into another data dir.&lt;/p&gt;&lt;p&gt;Help › Keyboard shortcuts lists every shortcut.&lt;/p&gt;</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Start writing</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>comments</name>
        <message>
            <source>Comments</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>inbox</name>
        <message>
            <source>Inbox</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>self.comments</name>
        <message>
            <source>Note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A note to send:</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
