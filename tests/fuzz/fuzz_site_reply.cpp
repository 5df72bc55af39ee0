// Every reader of the site's REST replies on the same bytes: each gives a value or an
// ApiError of kind MalformedReply, never a crash or undefined behaviour.
#include <QByteArray>
#include <QJsonDocument>

#include "FuzzCheck.h"
#include "SiteReplyReader.h"

namespace {

template<typename Result> void check(const Result &result, const ApiError &error)
{
    if (!result)
        FUZZ_CHECK(error.kind == ApiError::Kind::MalformedReply);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    {
        ApiError error;
        check(SiteReplyReader::hosts(bytes, &error), error);
    }
    const QJsonDocument doc = QJsonDocument::fromJson(bytes);
    if (doc.isNull())
        return 0;
    ApiError e1, e2, e3, e4, e5, e6, e7, e8, e9, e10, e11, e12;
    check(SiteReplyReader::version(doc, &e1), e1);
    check(SiteReplyReader::hosts(doc, &e2), e2);
    check(SiteReplyReader::rules(doc, &e3), e3);
    check(SiteReplyReader::signatureKeys(doc, &e4), e4);
    check(SiteReplyReader::agents(doc, &e5), e5);
    check(SiteReplyReader::bakedAgents(doc, &e6), e6);
    const auto job = SiteReplyReader::bakingJob(doc, &e7);
    check(job, e7);
    if (job)
        FUZZ_CHECK(job->progress == -1 || (job->progress >= 0 && job->progress <= 1));
    check(SiteReplyReader::globalSetting(doc, &e8), e8);
    check(SiteReplyReader::tagGroups(doc, &e9), e9);
    check(SiteReplyReader::ids(doc, &e10), e10);
    check(SiteReplyReader::collectionSize(doc, &e11), e11);
    return 0;
}
