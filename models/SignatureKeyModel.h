#pragma once

#include <QAbstractTableModel>
#include <QDateTime>
#include <QIcon>
#include <QList>

#include "SignatureKey.h"

// The site's signature keys as a table: the columns a Checkmk site shows, plus whether the
// updater rule uses a key; the expiry column warns before a key runs out.
class SignatureKeyModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignatureKeyModel)

public:
    enum Column { Description, Created, Expires, By, Digest, KeyId, InUse, ColumnCount };
    enum Role {
        KeyIdRole = Qt::UserRole + 1, // int
        ExpiryStateRole, // int of SignatureKey::ExpiryState
        SortRole, // raw value for sorting (dates as QDateTime, ids as int)
    };

    explicit SignatureKeyModel(QObject *parent = nullptr);

    void setKeys(const QList<SignatureKey> &keys);
    const QList<SignatureKey> &keys() const { return m_keys; }
    // The moment expiry is judged against; tests fix it, the app sets it on each refresh.
    void setNow(const QDateTime &now);
    QDateTime now() const { return m_now; }
    // The model lives in QtGui only; the view hands in style icons for the expiry states.
    void setExpiryIcons(const QIcon &warning, const QIcon &critical, const QIcon &expired);

    const SignatureKey *keyAt(int row) const;
    int rowOfKey(int id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QString expiresText(const SignatureKey &key) const;

    QList<SignatureKey> m_keys;
    QDateTime m_now;
    QIcon m_warningIcon;
    QIcon m_criticalIcon;
    QIcon m_expiredIcon;
};
