<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en_GB">
    <context>
        <name>MainWindow</name>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <source>&amp;Keyboard shortcuts…</source>
            <translation>&amp;Keyboard shortcuts…</translation>
        </message>
        <message>
            <source>Copy &amp;diagnostics…</source>
            <translation>Copy &amp;diagnostics…</translation>
        </message>
        <message>
            <source>&amp;About Editorial Workstation</source>
            <translation>&amp;About Editorial Workstation</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <source>&amp;New article</source>
            <translation>&amp;New article</translation>
        </message>
        <message>
            <source>Recent &amp;articles</source>
            <translation>Recent &amp;articles</translation>
        </message>
        <message>
            <source>&amp;Import Markdown…</source>
            <translation>&amp;Import Markdown…</translation>
        </message>
        <message>
            <source>&amp;Export Markdown…</source>
            <translation>&amp;Export Markdown…</translation>
        </message>
        <message>
            <source>&amp;Save revision</source>
            <translation>&amp;Save revision</translation>
        </message>
        <message>
            <source>&amp;Revisions…</source>
            <translation>&amp;Revisions…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quit</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>&amp;Edit</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Undo</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>&amp;Redo</translation>
        </message>
        <message>
            <source>Cu&amp;t</source>
            <translation>Cu&amp;t</translation>
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation>&amp;Copy</translation>
        </message>
        <message>
            <source>&amp;Paste</source>
            <translation>&amp;Paste</translation>
        </message>
        <message>
            <source>Select &amp;all</source>
            <translation>Select &amp;all</translation>
        </message>
        <message>
            <source>&amp;Find…</source>
            <translation>&amp;Find…</translation>
        </message>
        <message>
            <source>Find &amp;next</source>
            <translation>Find &amp;next</translation>
        </message>
        <message>
            <source>Find pre&amp;vious</source>
            <translation>Find pre&amp;vious</translation>
        </message>
        <message>
            <source>&amp;Replace…</source>
            <translation>&amp;Replace…</translation>
        </message>
        <message>
            <source>Se&amp;ttings…</source>
            <translation>Se&amp;ttings…</translation>
        </message>
        <message>
            <source>&amp;Article</source>
            <translation>&amp;Article</translation>
        </message>
        <message>
            <source>Set &amp;status</source>
            <translation>Set &amp;status</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;View</translation>
        </message>
        <message>
            <source>Article &amp;list</source>
            <translation>Article &amp;list</translation>
        </message>
        <message>
            <source>&amp;Preview</source>
            <translation>&amp;Preview</translation>
        </message>
        <message>
            <source>Zoom &amp;in</source>
            <translation>Zoom &amp;in</translation>
        </message>
        <message>
            <source>Zoom &amp;out</source>
            <translation>Zoom &amp;out</translation>
        </message>
        <message>
            <source>&amp;Reset zoom</source>
            <translation>&amp;Reset zoom</translation>
        </message>
        <message>
            <source>&amp;Schedule…</source>
            <translation>&amp;Schedule…</translation>
        </message>
        <message>
            <source>&amp;Unpublish…</source>
            <translation>&amp;Unpublish…</translation>
        </message>
        <message>
            <source>&amp;Accounts and sign-in…</source>
            <translation>&amp;Accounts and sign-in…</translation>
        </message>
        <message>
            <source>Outbox</source>
            <translation>Outbox</translation>
        </message>
        <message>
            <source>Editorial Workstation</source>
            <translation>Editorial Workstation</translation>
        </message>
        <message>
            <source>Opening…</source>
            <translation>Opening…</translation>
        </message>
        <message numerus="yes">
            <source>Loaded %n fictional demo articles into the archive.</source>
            <translation>
                <numerusform>Loaded %n fictional demo articles into the archive.</numerusform>
                <numerusform>Loaded %n fictional demo articles into the archive.</numerusform>
            </translation>
        </message>
        <message>
            <source>No article open</source>
            <translation>No article open</translation>
        </message>
        <message>
            <source>Cannot open the data dir</source>
            <translation>Cannot open the data dir</translation>
        </message>
        <message>
            <source>Cannot open %s: %s</source>
            <translation>Cannot open %s: %s</translation>
        </message>
        <message>
            <source>%s — Editorial Workstation</source>
            <translation>%s — Editorial Workstation</translation>
        </message>
        <message>
            <source>Saved</source>
            <translation>Saved</translation>
        </message>
        <message>
            <source>Editing…</source>
            <translation>Editing…</translation>
        </message>
        <message>
            <source>Saved %s</source>
            <translation>Saved %s</translation>
        </message>
        <message numerus="yes">
            <source>%n words</source>
            <translation>
                <numerusform>%n words</numerusform>
                <numerusform>%n words</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n min read</source>
            <translation>
                <numerusform>%n min read</numerusform>
                <numerusform>%n min read</numerusform>
            </translation>
        </message>
        <message>
            <source>Preview zoom %1 %</source>
            <translation>Preview zoom %1 %</translation>
        </message>
        <message>
            <source>Untitled draft</source>
            <translation>Untitled draft</translation>
        </message>
        <message>
            <source>Import Markdown</source>
            <translation>Import Markdown</translation>
        </message>
        <message>
            <source>Markdown (*.md *.markdown)</source>
            <translation>Markdown (*.md *.markdown)</translation>
        </message>
        <message numerus="yes">
            <source>Imported %n article(s).</source>
            <translation>
                <numerusform>Imported %n article(s).</numerusform>
                <numerusform>Imported %n article(s).</numerusform>
            </translation>
        </message>
        <message>
            <source>Nothing imported</source>
            <translation>Nothing imported</translation>
        </message>
        <message>
            <source>Export Markdown</source>
            <translation>Export Markdown</translation>
        </message>
        <message>
            <source>Markdown (*.md)</source>
            <translation>Markdown (*.md)</translation>
        </message>
        <message>
            <source>Export failed</source>
            <translation>Export failed</translation>
        </message>
        <message>
            <source>Exported to %s</source>
            <translation>Exported to %s</translation>
        </message>
        <message>
            <source>Settings saved.</source>
            <translation>Settings saved.</translation>
        </message>
    </context>
    <context>
        <name>PublishController</name>
        <message>
            <source>&amp;Publish</source>
            <translation>&amp;Publish</translation>
        </message>
        <message>
            <source>Publishing is unavailable: %s</source>
            <translation>Publishing is unavailable: %s</translation>
        </message>
        <message>
            <source>Unpublish</source>
            <translation>Unpublish</translation>
        </message>
        <message>
            <source>Take “%s” off the site? Its address will say it was withdrawn.</source>
            <translation>Take “%s” off the site? Its address will say it was withdrawn.</translation>
        </message>
        <message>
            <source>Publishing…</source>
            <translation>Publishing…</translation>
        </message>
        <message>
            <source>Unpublishing…</source>
            <translation>Unpublishing…</translation>
        </message>
        <message>
            <source>Live: &lt;a href="%s"&gt;%s&lt;/a&gt;</source>
            <translation>Live: &lt;a href="%s"&gt;%s&lt;/a&gt;</translation>
        </message>
        <message>
            <source>Taken down</source>
            <translation>Taken down</translation>
        </message>
        <message>
            <source>Checking the token…</source>
            <translation>Checking the token…</translation>
        </message>
        <message>
            <source>Account %s saved</source>
            <translation>Account %s saved</translation>
        </message>
    </context>
    <context>
        <name>AboutDialog</name>
        <message>
            <source>About Editorial Workstation</source>
            <translation>About Editorial Workstation</translation>
        </message>
        <message>
            <source>&lt;h2&gt;Editorial Workstation %1&lt;/h2&gt;&lt;p&gt;Write, review and publish trade-press news, offline first.&lt;/p&gt;&lt;p&gt;Licensed under the MIT licence. It bundles the components below, each under its own licence.&lt;/p&gt;</source>
            <translation>&lt;h2&gt;Editorial Workstation %1&lt;/h2&gt;&lt;p&gt;Write, review and publish trade-press news, offline first.&lt;/p&gt;&lt;p&gt;Licensed under the MIT licence. It bundles the components below, each under its own licence.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Bundled components and their licences</source>
            <translation>Bundled components and their licences</translation>
        </message>
        <message>
            <source>Component</source>
            <translation>Component</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>Version</translation>
        </message>
        <message>
            <source>Licence</source>
            <translation>Licence</translation>
        </message>
    </context>
    <context>
        <name>AccountDialog</name>
        <message>
            <source>Publishing account</source>
            <translation>Publishing account</translation>
        </message>
        <message>
            <source>Publish here by default</source>
            <translation>Publish here by default</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>Name:</translation>
        </message>
        <message>
            <source>Service URL:</source>
            <translation>Service URL:</translation>
        </message>
        <message>
            <source>Token:</source>
            <translation>Token:</translation>
        </message>
    </context>
    <context>
        <name>ArticleListPanel</name>
        <message>
            <source>Filter by status</source>
            <translation>Filter by status</translation>
        </message>
        <message>
            <source>All articles</source>
            <translation>All articles</translation>
        </message>
        <message>
            <source>Search headlines</source>
            <translation>Search headlines</translation>
        </message>
        <message>
            <source>Articles</source>
            <translation>Articles</translation>
        </message>
    </context>
    <context>
        <name>Autosaver</name>
        <message>
            <source>Could not save: %s</source>
            <translation>Could not save: %s</translation>
        </message>
    </context>
    <context>
        <name>ChecklistDialog</name>
        <message>
            <source>Not ready to publish</source>
            <translation>Not ready to publish</translation>
        </message>
        <message>
            <source>Fix these, then publish again:</source>
            <translation>Fix these, then publish again:</translation>
        </message>
        <message>
            <source>Problems</source>
            <translation>Problems</translation>
        </message>
        <message>
            <source>Why these may stand (kept with the revision)</source>
            <translation>Why these may stand (kept with the revision)</translation>
        </message>
        <message>
            <source>Override note</source>
            <translation>Override note</translation>
        </message>
        <message>
            <source>&amp;Publish anyway</source>
            <translation>&amp;Publish anyway</translation>
        </message>
    </context>
    <context>
        <name>CommentsPanel</name>
        <message>
            <source>Comments</source>
            <translation>Comments</translation>
        </message>
        <message>
            <source>Comment on the selected words…</source>
            <translation>Comment on the selected words…</translation>
        </message>
        <message>
            <source>New comment</source>
            <translation>New comment</translation>
        </message>
        <message>
            <source>Comment</source>
            <translation>Comment</translation>
        </message>
        <message>
            <source>Resolve</source>
            <translation>Resolve</translation>
        </message>
        <message>
            <source>Conflicting edits: compare…</source>
            <translation>Conflicting edits: compare…</translation>
        </message>
        <message>
            <source> (resolved)</source>
            <translation> (resolved)</translation>
        </message>
        <message>
            <source> (not sent yet)</source>
            <translation> (not sent yet)</translation>
        </message>
        <message>
            <source>Move to %s</source>
            <translation>Move to %s</translation>
        </message>
        <message>
            <source>%s since %s</source>
            <translation>%s since %s</translation>
        </message>
        <message>
            <source>Also open: %s</source>
            <translation>Also open: %s</translation>
        </message>
    </context>
    <context>
        <name>ConflictDialog</name>
        <message>
            <source>Resolve a conflict</source>
            <translation>Resolve a conflict</translation>
        </message>
        <message>
            <source>The service's version</source>
            <translation>The service's version</translation>
        </message>
        <message>
            <source>Your version</source>
            <translation>Your version</translation>
        </message>
        <message>
            <source>Theirs</source>
            <translation>Theirs</translation>
        </message>
        <message>
            <source>Yours</source>
            <translation>Yours</translation>
        </message>
        <message>
            <source>Keep mine</source>
            <translation>Keep mine</translation>
        </message>
        <message>
            <source>Keep theirs</source>
            <translation>Keep theirs</translation>
        </message>
    </context>
    <context>
        <name>DiagnosticsDialog</name>
        <message>
            <source>Diagnostics</source>
            <translation>Diagnostics</translation>
        </message>
        <message>
            <source>Include the open article's &amp;text</source>
            <translation>Include the open article's &amp;text</translation>
        </message>
        <message>
            <source>Diagnostics report</source>
            <translation>Diagnostics report</translation>
        </message>
        <message>
            <source>&amp;Copy to clipboard</source>
            <translation>&amp;Copy to clipboard</translation>
        </message>
    </context>
    <context>
        <name>FindBar</name>
        <message>
            <source>Find</source>
            <translation>Find</translation>
        </message>
        <message>
            <source>Find text</source>
            <translation>Find text</translation>
        </message>
        <message>
            <source>Replace with</source>
            <translation>Replace with</translation>
        </message>
        <message>
            <source>Replacement text</source>
            <translation>Replacement text</translation>
        </message>
        <message>
            <source>Match &amp;case</source>
            <translation>Match &amp;case</translation>
        </message>
        <message>
            <source>&amp;Whole words</source>
            <translation>&amp;Whole words</translation>
        </message>
        <message>
            <source>&amp;Next</source>
            <translation>&amp;Next</translation>
        </message>
        <message>
            <source>&amp;Previous</source>
            <translation>&amp;Previous</translation>
        </message>
        <message>
            <source>&amp;Replace</source>
            <translation>&amp;Replace</translation>
        </message>
        <message>
            <source>Replace &amp;all</source>
            <translation>Replace &amp;all</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Not found</source>
            <translation>Not found</translation>
        </message>
        <message numerus="yes">
            <source>%n replaced</source>
            <translation>
                <numerusform>%n replaced</numerusform>
                <numerusform>%n replaced</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>InboxPanel</name>
        <message>
            <source>Drafts waiting for subbing</source>
            <translation>Drafts waiting for subbing</translation>
        </message>
        <message>
            <source>Sync now</source>
            <translation>Sync now</translation>
        </message>
        <message>
            <source>Nothing waiting.</source>
            <translation>Nothing waiting.</translation>
        </message>
        <message>
            <source> — open by %s</source>
            <translation> — open by %s</translation>
        </message>
    </context>
    <context>
        <name>MarkdownEditor</name>
        <message>
            <source>Article body (Markdown)</source>
            <translation>Article body (Markdown)</translation>
        </message>
    </context>
    <context>
        <name>MetadataForm</name>
        <message>
            <source>Names separated by commas</source>
            <translation>Names separated by commas</translation>
        </message>
        <message>
            <source>Section</source>
            <translation>Section</translation>
        </message>
        <message>
            <source>Tags separated by commas</source>
            <translation>Tags separated by commas</translation>
        </message>
        <message>
            <source>Site default</source>
            <translation>Site default</translation>
        </message>
        <message>
            <source>Show the newsletter &amp;call to action</source>
            <translation>Show the newsletter &amp;call to action</translation>
        </message>
        <message>
            <source>&amp;Headline</source>
            <translation>&amp;Headline</translation>
        </message>
        <message>
            <source>&amp;Standfirst</source>
            <translation>&amp;Standfirst</translation>
        </message>
        <message>
            <source>&amp;Byline</source>
            <translation>&amp;Byline</translation>
        </message>
        <message>
            <source>S&amp;ection</source>
            <translation>S&amp;ection</translation>
        </message>
        <message>
            <source>&amp;Tags</source>
            <translation>&amp;Tags</translation>
        </message>
        <message>
            <source>&amp;Audience notice</source>
            <translation>&amp;Audience notice</translation>
        </message>
        <message>
            <source>Show the newsletter call to action</source>
            <translation>Show the newsletter call to action</translation>
        </message>
    </context>
    <context>
        <name>OutboxPanel</name>
        <message>
            <source>Outbox jobs</source>
            <translation>Outbox jobs</translation>
        </message>
        <message>
            <source>Retry</source>
            <translation>Retry</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Publish mine anyway</source>
            <translation>Publish mine anyway</translation>
        </message>
        <message>
            <source>For a conflict: replace what is on the service with this version</source>
            <translation>For a conflict: replace what is on the service with this version</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>Refresh</translation>
        </message>
    </context>
    <context>
        <name>PreviewPane</name>
        <message>
            <source>Simplified preview: QtWebEngine is not installed, so the page is shown without the site's full layout.</source>
            <translation>Simplified preview: QtWebEngine is not installed, so the page is shown without the site's full layout.</translation>
        </message>
        <message>
            <source>The preview could not be updated: %s</source>
            <translation>The preview could not be updated: %s</translation>
        </message>
        <message>
            <source>The preview stopped working: its renderer crashed %1 times.</source>
            <translation>The preview stopped working: its renderer crashed %1 times.</translation>
        </message>
        <message>
            <source>The preview's renderer stopped (exit code %1); the preview was reloaded.</source>
            <translation>The preview's renderer stopped (exit code %1); the preview was reloaded.</translation>
        </message>
        <message>
            <source>Preview (simplified)</source>
            <translation>Preview (simplified)</translation>
        </message>
        <message>
            <source>Preview</source>
            <translation>Preview</translation>
        </message>
    </context>
    <context>
        <name>ProblemsPanel</name>
        <message>
            <source>Severity</source>
            <translation>Severity</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>Field</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>Line</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>Message</translation>
        </message>
        <message>
            <source>House style problems</source>
            <translation>House style problems</translation>
        </message>
        <message>
            <source>&amp;Fix</source>
            <translation>&amp;Fix</translation>
        </message>
        <message>
            <source>Apply the suggested fix (one undo step)</source>
            <translation>Apply the suggested fix (one undo step)</translation>
        </message>
        <message>
            <source>Fix all &amp;safe</source>
            <translation>Fix all &amp;safe</translation>
        </message>
        <message>
            <source>Apply every fix that needs no judgement (quotes, spelling, dates...)</source>
            <translation>Apply every fix that needs no judgement (quotes, spelling, dates...)</translation>
        </message>
        <message>
            <source>&amp;Add to dictionary</source>
            <translation>&amp;Add to dictionary</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>Error</translation>
        </message>
        <message>
            <source>Warning</source>
            <translation>Warning</translation>
        </message>
        <message>
            <source>Suggestion</source>
            <translation>Suggestion</translation>
        </message>
        <message>
            <source>Headline</source>
            <translation>Headline</translation>
        </message>
        <message>
            <source>Standfirst</source>
            <translation>Standfirst</translation>
        </message>
        <message>
            <source>Body</source>
            <translation>Body</translation>
        </message>
        <message>
            <source>Spelling</source>
            <translation>Spelling</translation>
        </message>
        <message>
            <source>{0} errors, {1} warnings, {2} suggestions, {3} spelling</source>
            <translation>{0} errors, {1} warnings, {2} suggestions, {3} spelling</translation>
        </message>
    </context>
    <context>
        <name>RecentMenu</name>
        <message>
            <source>No recent articles</source>
            <translation>No recent articles</translation>
        </message>
        <message>
            <source>&amp;Clear list</source>
            <translation>&amp;Clear list</translation>
        </message>
    </context>
    <context>
        <name>RelatedPanel</name>
        <message>
            <source>Search the whole archive…</source>
            <translation>Search the whole archive…</translation>
        </message>
        <message>
            <source>Suggested related articles</source>
            <translation>Suggested related articles</translation>
        </message>
        <message>
            <source>Search the archive</source>
            <translation>Search the archive</translation>
        </message>
        <message>
            <source>Archive search results</source>
            <translation>Archive search results</translation>
        </message>
        <message>
            <source>Chosen related articles</source>
            <translation>Chosen related articles</translation>
        </message>
        <message>
            <source>Suggestions appear as you write.</source>
            <translation>Suggestions appear as you write.</translation>
        </message>
        <message>
            <source>Add</source>
            <translation>Add</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Remove</translation>
        </message>
        <message>
            <source>&lt;b&gt;Suggested&lt;/b&gt;</source>
            <translation>&lt;b&gt;Suggested&lt;/b&gt;</translation>
        </message>
        <message>
            <source>&lt;b&gt;Chosen&lt;/b&gt; (drag to reorder)</source>
            <translation>&lt;b&gt;Chosen&lt;/b&gt; (drag to reorder)</translation>
        </message>
        <message>
            <source>Why: %s</source>
            <translation>Why: %s</translation>
        </message>
        <message>
            <source>shared terms: %s</source>
            <translation>shared terms: %s</translation>
        </message>
        <message>
            <source>shared tags: %s</source>
            <translation>shared tags: %s</translation>
        </message>
        <message>
            <source>same section (%s)</source>
            <translation>same section (%s)</translation>
        </message>
        <message>
            <source>similar wording</source>
            <translation>similar wording</translation>
        </message>
        <message>
            <source>Stories like this one, best first.</source>
            <translation>Stories like this one, best first.</translation>
        </message>
        <message>
            <source>No related stories in the archive yet.</source>
            <translation>No related stories in the archive yet.</translation>
        </message>
        <message>
            <source>Not in the archive: %s</source>
            <translation>Not in the archive: %s</translation>
        </message>
        <message>
            <source>{count} of {maximum} (the maximum)</source>
            <translation>{count} of {maximum} (the maximum)</translation>
        </message>
        <message>
            <source>{count} of {maximum}</source>
            <translation>{count} of {maximum}</translation>
        </message>
        <message>
            <source>Related articles</source>
            <translation>Related articles</translation>
        </message>
    </context>
    <context>
        <name>RevisionsDialog</name>
        <message>
            <source>Revisions</source>
            <translation>Revisions</translation>
        </message>
        <message>
            <source>Revision text</source>
            <translation>Revision text</translation>
        </message>
        <message>
            <source>&amp;Restore this revision</source>
            <translation>&amp;Restore this revision</translation>
        </message>
    </context>
    <context>
        <name>ScheduleDialog</name>
        <message>
            <source>Schedule publication</source>
            <translation>Schedule publication</translation>
        </message>
        <message>
            <source>Publish at:</source>
            <translation>Publish at:</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Settings</source>
            <translation>Settings</translation>
        </message>
        <message>
            <source>The default account</source>
            <translation>The default account</translation>
        </message>
        <message>
            <source>Follow the system</source>
            <translation>Follow the system</translation>
        </message>
        <message>
            <source>Light</source>
            <translation>Light</translation>
        </message>
        <message>
            <source>Dark</source>
            <translation>Dark</translation>
        </message>
        <message>
            <source>&amp;Site name:</source>
            <translation>&amp;Site name:</translation>
        </message>
        <message>
            <source>&amp;Audience notice:</source>
            <translation>&amp;Audience notice:</translation>
        </message>
        <message>
            <source>&amp;Newsletter text:</source>
            <translation>&amp;Newsletter text:</translation>
        </message>
        <message>
            <source>Newsletter &amp;link text:</source>
            <translation>Newsletter &amp;link text:</translation>
        </message>
        <message>
            <source>Newsletter &amp;URL:</source>
            <translation>Newsletter &amp;URL:</translation>
        </message>
        <message>
            <source>Preview &amp;font size:</source>
            <translation>Preview &amp;font size:</translation>
        </message>
        <message>
            <source>Auto&amp;save after a pause of:</source>
            <translation>Auto&amp;save after a pause of:</translation>
        </message>
        <message>
            <source>Default publish &amp;target:</source>
            <translation>Default publish &amp;target:</translation>
        </message>
        <message>
            <source>T&amp;heme:</source>
            <translation>T&amp;heme:</translation>
        </message>
    </context>
    <context>
        <name>ShortcutsDialog</name>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>Keyboard shortcuts</translation>
        </message>
        <message>
            <source>Menu</source>
            <translation>Menu</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Action</translation>
        </message>
        <message>
            <source>Keys</source>
            <translation>Keys</translation>
        </message>
    </context>
    <context>
        <name>StyleChecker</name>
        <message>
            <source>Headline house style problems</source>
            <translation>Headline house style problems</translation>
        </message>
        <message>
            <source>Spell checking is off: no British English word list was found. Install the ‘{0}’ package, or set {1} to a word list file.</source>
            <translation>Spell checking is off: no British English word list was found. Install the ‘{0}’ package, or set {1} to a word list file.</translation>
        </message>
        <message>
            <source>The site house style cannot be used ({0}); checking with the default.</source>
            <translation>The site house style cannot be used ({0}); checking with the default.</translation>
        </message>
        <message>
            <source>Problems</source>
            <translation>Problems</translation>
        </message>
    </context>
    <context>
        <name>SyncIndicator</name>
        <message>
            <source>Sync: no account</source>
            <translation>Sync: no account</translation>
        </message>
        <message>
            <source>Add a publishing account to sync drafts with the newsroom.</source>
            <translation>Add a publishing account to sync drafts with the newsroom.</translation>
        </message>
        <message>
            <source>Syncing…</source>
            <translation>Syncing…</translation>
        </message>
        <message>
            <source>pulled</source>
            <translation>pulled</translation>
        </message>
        <message>
            <source>pushed</source>
            <translation>pushed</translation>
        </message>
        <message>
            <source>Syncing… %s %s</source>
            <translation>Syncing… %s %s</translation>
        </message>
        <message>
            <source>● Online · synced %s</source>
            <translation>● Online · synced %s</translation>
        </message>
        <message>
            <source>○ Offline · changes queued</source>
            <translation>○ Offline · changes queued</translation>
        </message>
    </context>
    <context>
        <name>WelcomeDialog</name>
        <message>
            <source>Welcome to Editorial Workstation</source>
            <translation>Welcome to Editorial Workstation</translation>
        </message>
        <message>
            <source>&lt;h2&gt;Welcome&lt;/h2&gt;&lt;p&gt;The workstation does three jobs:&lt;/p&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Write&lt;/b&gt;: start a story with File › New article (Ctrl+N). It is saved as you type, even offline, and the preview beside it is the page readers will get.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Review&lt;/b&gt;: move it through Article › Set status (submitted, in subbing, approved); house style is checked as you type and every change is kept as a revision.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Publish&lt;/b&gt;: Publish › Publish now sends it to your site; nothing is lost or sent twice, even when the network drops.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;To try things out, the archive has been filled with fictional demo stories (no real people or events). Run &lt;code&gt;workstation demo load&lt;/code&gt; to load them into another data dir.&lt;/p&gt;&lt;p&gt;Help › Keyboard shortcuts lists every shortcut.&lt;/p&gt;</source>
            <translation>&lt;h2&gt;Welcome&lt;/h2&gt;&lt;p&gt;The workstation does three jobs:&lt;/p&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Write&lt;/b&gt;: start a story with File › New article (Ctrl+N). It is saved as you type, even offline, and the preview beside it is the page readers will get.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Review&lt;/b&gt;: move it through Article › Set status (submitted, in subbing, approved); house style is checked as you type and every change is kept as a revision.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Publish&lt;/b&gt;: Publish › Publish now sends it to your site; nothing is lost or sent twice, even when the network drops.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;To try things out, the archive has been filled with fictional demo stories (no real people or events). Run &lt;code&gt;workstation demo load&lt;/code&gt; to load them into another data dir.&lt;/p&gt;&lt;p&gt;Help › Keyboard shortcuts lists every shortcut.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&amp;Start writing</source>
            <translation>&amp;Start writing</translation>
        </message>
    </context>
    <context>
        <name>comments</name>
        <message>
            <source>Comments</source>
            <translation>Comments</translation>
        </message>
    </context>
    <context>
        <name>inbox</name>
        <message>
            <source>Inbox</source>
            <translation>Inbox</translation>
        </message>
    </context>
    <context>
        <name>self.comments</name>
        <message>
            <source>Note</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>A note to send:</source>
            <translation>A note to send:</translation>
        </message>
    </context>
</TS>
